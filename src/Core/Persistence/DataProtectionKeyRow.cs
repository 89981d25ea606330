namespace Lotte.Core.Persistence;

/// <summary>
/// One ASP.NET Data Protection key, as XML, shared by every replica so that a cookie issued by one is
/// read by the others. Core only stores it; the dashboard's key repository reads and writes it.
/// </summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}
