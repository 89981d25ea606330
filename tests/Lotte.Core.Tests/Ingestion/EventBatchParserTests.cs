using System.Text.Json;
using Lotte.Core.Assignment;
using Lotte.Core.Ingestion;

namespace Lotte.Core.Tests.Ingestion;

public class EventBatchParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Started = Now.AddDays(-3);

    [Fact]
    public void Parse_ValidEventsOfEveryType_ReadsEveryField()
    {
        var batch = Parse("""
            {"events":[
              {"eventId":"1","type":"exposure","unitId":"u","arm":"Staging","occurredAt":"2026-11-25T09:00:00Z","latencyMs":12.5},
              {"eventId":"2","type":"conversion","unitId":"u","occurredAt":"2026-11-25T18:00:00+09:00","value":350000000,"attributes":{"phone":"010"}},
              {"eventId":"3","type":"error","arm":"production","errorKind":"timeout","occurredAt":"2026-11-25T09:00:00Z"},
              {"eventId":"4","type":"prediction","unitId":"u","arm":"staging","score":0.83,"occurredAt":"2026-11-25T09:00:00Z"},
              {"eventId":"5","type":"shadowResult","occurredAt":"2026-11-25T09:00:00Z","errorKind":"nan-score"}]}
            """);

        Assert.True(batch.IsValid);
        Assert.Equal([EventType.Exposure, EventType.Conversion, EventType.Error, EventType.Prediction, EventType.ShadowResult], batch.Events.Select(e => e.Type));
        Assert.Equal(Arm.Staging, batch.Events[0].Arm);
        Assert.Equal(12.5, batch.Events[0].LatencyMs);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), batch.Events[1].OccurredAt);
        Assert.Equal(350_000_000m, batch.Events[1].Value);
        Assert.Equal("{\"phone\":\"010\"}", batch.Events[1].AttributesJson);
        Assert.Equal(0.83, batch.Events[3].Score);
        Assert.Equal(Arm.Staging, batch.Events[4].Arm);
    }

    [Fact]
    public void Parse_SeveralBadEvents_ReportsEachByIndexWithEveryReason()
    {
        var batch = Parse("""
            {"events":[
              {"eventId":"ok","type":"exposure","unitId":"u","arm":"production","occurredAt":"2026-11-25T09:00:00Z"},
              {"type":"exposure","occurredAt":"2026-11-25T09:00:00"},
              {"eventId":"c","type":"conversion","unitId":"u","arm":"staging","occurredAt":"2026-11-25T09:00:00Z","value":-1},
              "not an object"]}
            """);

        Assert.False(batch.IsValid);
        Assert.Equal([1, 2, 3], batch.Errors.Select(e => e.Index));
        Assert.Contains("eventId is required", batch.Errors[0].Reasons);
        Assert.Contains("unitId is required", batch.Errors[0].Reasons);
        Assert.Contains("arm is required", batch.Errors[0].Reasons);
        Assert.Contains(batch.Errors[0].Reasons, r => r.StartsWith("occurredAt must be an ISO-8601", StringComparison.Ordinal));
        Assert.Contains(batch.Errors[1].Reasons, r => r.StartsWith("arm is only for", StringComparison.Ordinal));
        Assert.Contains(batch.Errors[1].Reasons, r => r.StartsWith("value must be a whole number", StringComparison.Ordinal));
        Assert.Equal(["an event must be a JSON object"], batch.Errors[2].Reasons);
    }

    [Theory]
    [InlineData("\"2026-11-25T12:06:00Z\"", "occurredAt is in the future")]
    [InlineData("\"2026-11-22T11:00:00Z\"", "occurredAt is before the experiment started")]
    [InlineData("\"0001-01-01T00:00:00Z\"", "occurredAt is before the experiment started")]
    [InlineData("1732530000", "occurredAt must be a string")]
    public void Parse_AbsurdTimestamp_IsRefused(string occurredAt, string reason)
    {
        var batch = Parse($$"""{"events":[{"eventId":"1","type":"error","arm":"staging","errorKind":"x","occurredAt":{{occurredAt}}}]}""");

        Assert.Contains(reason, Assert.Single(batch.Errors).Reasons);
    }

    [Theory]
    [InlineData("\"value\":1.5")]
    [InlineData("\"value\":\"100\"")]
    [InlineData("\"value\":1e400")]
    [InlineData("\"value\":10000000000001")]
    public void Parse_ConversionValueNotWholeWonInRange_IsRefused(string value)
    {
        var batch = Parse($$"""{"events":[{"eventId":"1","type":"conversion","unitId":"u","occurredAt":"2026-11-25T09:00:00Z",{{value}}}]}""");

        Assert.False(batch.IsValid);
    }

    [Fact]
    public void Parse_ErrorReasons_NeverContainTheUnitId()
    {
        var secret = new string('고', 300);
        var batch = Parse($$"""{"events":[{"eventId":"1","type":"exposure","unitId":"{{secret}}","arm":"x","occurredAt":"2026-11-25T09:00:00Z"}]}""");

        Assert.DoesNotContain(Assert.Single(batch.Errors).Reasons, r => r.Contains('고', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"events\":{}}")]
    public void Parse_BodyThatIsNoEventBatch_IsAWholeBodyProblem(string body)
    {
        Assert.NotNull(Parse(body).BodyProblem);
    }

    [Fact]
    public void Parse_MoreThanTheBatchLimit_IsAWholeBodyProblem()
    {
        var events = string.Join(',', Enumerable.Repeat("{}", EventBatchLimits.MaxEvents + 1));

        Assert.Contains("at most 10000 events", Parse($"{{\"events\":[{events}]}}").BodyProblem, StringComparison.Ordinal);
    }

    private static EventBatch Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new EventBatchParser(Now, Started).Parse(document.RootElement);
    }
}
