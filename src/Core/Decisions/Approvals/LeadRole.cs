namespace Lotte.Core.Decisions.Approvals;

/// <summary>The ADR-008 deciders. The dashboard maps its sign-in roles onto these.</summary>
public enum LeadRole
{
    MlLead,
    ProductLead,
}
