using Lotte.Core.Decisions;
using Lotte.Core.Decisions.Approvals;
using Lotte.Core.Experiments;
using Microsoft.EntityFrameworkCore;

namespace Lotte.IntegrationTests.Decisions;

/// <summary>Leads' approvals and overrides on the real database.</summary>
public class ExperimentDecisionsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Decider MlLead = new("kim.ml", new HashSet<LeadRole> { LeadRole.MlLead });
    private static readonly Decider MlLead2 = new("park.ml", new HashSet<LeadRole> { LeadRole.MlLead });
    private static readonly Decider ProductLead = new("lee.product", new HashSet<LeadRole> { LeadRole.ProductLead });
    private static readonly Decider Viewer = new("choi.viewer", new HashSet<LeadRole>());
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Approve_OneLeadPolicy_PromotesAndAuditsWithTheComment()
    {
        var key = await AwaitingAsync(ApprovalMode.OneLead);

        var result = await Decisions().ActAsync(key, LeadActionKind.Approve, MlLead, "Lift holds across regions.", _ct);

        Assert.Equal((LeadActionOutcome.Applied, ExperimentStatus.Promoted), (result.Outcome, result.Status));
        var audit = await AuditAsync(key);
        Assert.Equal(("decision.approved", "kim.ml", "MlLead", "Lift holds across regions."), (audit.Action, audit.ActorName, audit.ActorRole, audit.Justification));
    }

    [Fact]
    public async Task TwoLeadsPolicy_SamePersonTwiceOrTwoMlLeads_DoNotPromote_MlAndProductLeadDo()
    {
        var key = await AwaitingAsync(ApprovalMode.TwoLeads);

        var first = await Decisions().ActAsync(key, LeadActionKind.Approve, MlLead, null, _ct);
        var again = await Decisions().ActAsync(key, LeadActionKind.Approve, MlLead, null, _ct);
        var secondMl = await Decisions().ActAsync(key, LeadActionKind.Approve, MlLead2, null, _ct);
        var statusAfterTwoMlLeads = await StatusAsync(key);
        var product = await Decisions().ActAsync(key, LeadActionKind.Approve, ProductLead, null, _ct);

        Assert.Equal((LeadActionOutcome.Applied, ExperimentStatus.AwaitingApproval), (first.Outcome, first.Status));
        Assert.Equal(LeadActionOutcome.Refused, again.Outcome);
        Assert.Equal((LeadActionOutcome.Applied, ExperimentStatus.AwaitingApproval), (secondMl.Outcome, secondMl.Status));
        Assert.Equal(ExperimentStatus.AwaitingApproval, statusAfterTwoMlLeads);
        Assert.Equal((LeadActionOutcome.Applied, ExperimentStatus.Promoted), (product.Outcome, product.Status));
    }

    [Fact]
    public async Task Reject_WithoutJustification_IsRefused_WithOne_KeepsTestingAndHoldsAutomaticPromotion()
    {
        var key = await AwaitingAsync(ApprovalMode.OneLead);

        var bare = await Decisions().ActAsync(key, LeadActionKind.Reject, ProductLead, " ", _ct);
        var justified = await Decisions().ActAsync(key, LeadActionKind.Reject, ProductLead, "Holiday traffic skews this week.", _ct);

        Assert.Equal(LeadActionOutcome.Refused, bare.Outcome);
        Assert.Equal((LeadActionOutcome.Applied, ExperimentStatus.Running), (justified.Outcome, justified.Status));
        await using var db = fixture.Database.CreateContext();
        var experiment = await db.Experiments.SingleAsync(e => e.Key == key, _ct);
        Assert.True(experiment.PromotionHeldUntil > DateTimeOffset.UtcNow.AddHours(23));
    }

    [Theory]
    [InlineData(LeadActionKind.ForceRollback, ExperimentStatus.RolledBack)]
    [InlineData(LeadActionKind.ForcePromote, ExperimentStatus.Promoted)]
    [InlineData(LeadActionKind.Pause, ExperimentStatus.Paused)]
    [InlineData(LeadActionKind.Stop, ExperimentStatus.Stopped)]
    [InlineData(LeadActionKind.Extend, ExperimentStatus.Running)]
    public async Task Override_WithJustification_ChangesTheStatusAndIsAudited(LeadActionKind kind, ExperimentStatus expected)
    {
        var key = await AwaitingAsync(ApprovalMode.OneLead);

        var result = await Decisions().ActAsync(key, kind, MlLead, "Seen in the call-centre complaints.", _ct);

        Assert.Equal((LeadActionOutcome.Applied, expected), (result.Outcome, result.Status));
        Assert.Equal("override." + kind.ToString().ToLowerInvariant(), (await AuditAsync(key)).Action);
    }

    [Fact]
    public async Task ForceRollbackThenReopen_RestoresTheShare()
    {
        var key = await AwaitingAsync(ApprovalMode.OneLead);

        await Decisions().ActAsync(key, LeadActionKind.ForceRollback, MlLead, "Errors spiked in the Busan region.", _ct);
        var reopened = await Decisions().ActAsync(key, LeadActionKind.Reopen, MlLead, "The spike was an upstream outage.", _ct);

        Assert.Equal(ExperimentStatus.Running, reopened.Status);
        await using var db = fixture.Database.CreateContext();
        Assert.Equal(0.1, (await db.Experiments.SingleAsync(e => e.Key == key, _ct)).StagingShare);
    }

    [Fact]
    public async Task Act_ByANonLead_IsRefusedAndChangesNothing()
    {
        var key = await AwaitingAsync(ApprovalMode.OneLead);

        var result = await Decisions().ActAsync(key, LeadActionKind.Approve, Viewer, null, _ct);

        Assert.Equal(LeadActionOutcome.Refused, result.Outcome);
        Assert.Equal(ExperimentStatus.AwaitingApproval, await StatusAsync(key));
        await using var db = fixture.Database.CreateContext();
        Assert.False(await db.LeadActions.AnyAsync(a => a.ActorName == Viewer.Name, _ct));
    }

    [Fact]
    public async Task TwoApprovalsRacing_In100Trials_ExactlyOneTransitionEachAndTheOtherLearnsWhoDecided()
    {
        var decisions = Decisions();
        for (var trial = 0; trial < 100; trial++)
        {
            var key = await AwaitingAsync(ApprovalMode.OneLead, $"race-{trial}");
            using var start = new Barrier(2);

            var results = await Task.WhenAll(
                Task.Run(async () => { start.SignalAndWait(_ct); return await decisions.ActAsync(key, LeadActionKind.Approve, MlLead, null, _ct); }, _ct),
                Task.Run(async () => { start.SignalAndWait(_ct); return await decisions.ActAsync(key, LeadActionKind.Approve, ProductLead, null, _ct); }, _ct));

            var applied = Assert.Single(results, r => r.Outcome == LeadActionOutcome.Applied);
            var other = Assert.Single(results, r => r.Outcome == LeadActionOutcome.AlreadyDecided);
            Assert.Equal(applied.DecidedBy, other.DecidedBy);
            Assert.Contains($"Already decided by {applied.DecidedBy}", other.Message, StringComparison.Ordinal);
            await using var db = fixture.Database.CreateContext();
            var experimentId = await db.Experiments.Where(e => e.Key == key).Select(e => e.Id).SingleAsync(_ct);
            Assert.Equal(1, await db.AuditLog.CountAsync(a => a.ExperimentId == experimentId && a.Action == "decision.approved", _ct));
            Assert.Equal(ExperimentStatus.Promoted, await StatusAsync(key));
        }
    }

    private ExperimentDecisions Decisions() => new(fixture.Database.CreateContextFactory(), TimeProvider.System);

    private async Task<string> AwaitingAsync(ApprovalMode mode, string? key = null)
    {
        key ??= $"approve-{Guid.NewGuid():N}"[..20];
        var now = DateTimeOffset.UtcNow.AddMinutes(-10);
        var experiment = new Experiment(key, key, "undervaluation-score", "3", "4", "tests", now) { ApprovalMode = mode };
        experiment.Start(now);
        experiment.AwaitApproval(now.AddMinutes(1));
        await using var db = fixture.Database.CreateContext();
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(_ct);
        return key;
    }

    private async Task<ExperimentStatus> StatusAsync(string key)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.Experiments.Where(e => e.Key == key).Select(e => e.Status).SingleAsync(_ct);
    }

    private async Task<Core.Auditing.AuditEntry> AuditAsync(string key)
    {
        await using var db = fixture.Database.CreateContext();
        var id = await db.Experiments.Where(e => e.Key == key).Select(e => e.Id).SingleAsync(_ct);
        return await db.AuditLog.Where(a => a.ExperimentId == id).OrderByDescending(a => a.Id).FirstAsync(_ct);
    }
}
