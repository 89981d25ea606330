using System.Globalization;
using System.Text.Json;
using Lotte.Core.Assignment;
using Lotte.Core.Privacy;

namespace Lotte.Core.Ingestion;

/// <summary>
/// Reads the wire form of an event batch (<c>{"events":[{...}]}</c>, camelCase) field by field, so
/// that every bad event is reported with every reason, instead of stopping at the first type error.
/// </summary>
public sealed class EventBatchParser(DateTimeOffset now, DateTimeOffset? experimentStartedAt)
{
    public EventBatch Parse(JsonElement root)
    {
        try
        {
            return ParseEvents(root);
        }
        catch (InvalidOperationException) when (!JsonText.NamesAreWellFormed(root))
        {
            return EventBatch.Malformed("Property names must be well-formed Unicode text.");
        }
    }

    private EventBatch ParseEvents(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            return EventBatch.Malformed("The body must be a JSON object with an \"events\" array.");
        }

        var count = events.GetArrayLength();
        if (count > EventBatchLimits.MaxEvents)
        {
            return EventBatch.Malformed($"A batch holds at most {EventBatchLimits.MaxEvents} events; this one has {count}.");
        }

        var parsed = new List<IncomingEvent>(count);
        var errors = new List<EventError>();
        var index = 0;
        foreach (var element in events.EnumerateArray())
        {
            var reader = new EventReader(element, now, experimentStartedAt);
            var incoming = reader.Read();
            if (incoming is null)
            {
                errors.Add(new EventError(index, reader.EventId, reader.Reasons));
            }
            else
            {
                parsed.Add(incoming);
            }

            index++;
        }

        return new EventBatch(parsed, errors, null);
    }

    /// <summary>Validates one event; collects every reason it is refused.</summary>
    private sealed class EventReader(JsonElement element, DateTimeOffset now, DateTimeOffset? startedAt)
    {
        private readonly List<string> _reasons = [];

        public string? EventId { get; private set; }
        public IReadOnlyList<string> Reasons => _reasons;

        public IncomingEvent? Read()
        {
            try
            {
                return ReadFields();
            }
            catch (InvalidOperationException) when (!JsonText.NamesAreWellFormed(element))
            {
                _reasons.Add("property names must be well-formed Unicode text");
                return null;
            }
        }

        private IncomingEvent? ReadFields()
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                _reasons.Add("an event must be a JSON object");
                return null;
            }

            EventId = Text("eventId", EventBatchLimits.MaxEventIdLength, required: true);
            var type = ReadType();
            var occurredAt = ReadOccurredAt();
            var unit = ReadUnit(required: type is EventType.Exposure or EventType.Conversion or EventType.Prediction);
            var arm = ReadArm(type);
            var value = type == EventType.Conversion ? ReadValue() : Forbid<decimal?>("value", "conversion", null);
            var errorKind = type == EventType.Error
                ? Text("errorKind", EventBatchLimits.MaxErrorKindLength, required: true)
                : type == EventType.ShadowResult
                    ? Text("errorKind", EventBatchLimits.MaxErrorKindLength, required: false)
                    : Forbid<string?>("errorKind", "error or shadowResult", null);
            var score = type == EventType.Prediction ? Number("score", required: true, min: double.MinValue) : Forbid<double?>("score", "prediction", null);
            var latency = Number("latencyMs", required: false, min: 0);
            var attributes = ReadAttributes();

            return _reasons.Count > 0 || type is null || occurredAt is null
                ? null
                : new IncomingEvent(EventId!, type.Value, unit, arm, occurredAt.Value, value, errorKind, score, latency, attributes);
        }

        private EventType? ReadType()
        {
            var text = Text("type", 32, required: true);
            EventType? type = text switch
            {
                "exposure" => EventType.Exposure,
                "conversion" => EventType.Conversion,
                "error" => EventType.Error,
                "prediction" => EventType.Prediction,
                "shadowResult" => EventType.ShadowResult,
                null => null,
                _ => null,
            };
            if (text is not null && type is null)
            {
                _reasons.Add("type must be one of exposure, conversion, error, prediction, shadowResult");
            }

            return type;
        }

        private DateTimeOffset? ReadOccurredAt()
        {
            var text = Text("occurredAt", 64, required: true);
            if (text is null)
            {
                return null;
            }

            if (!DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                || !(text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 10))
            {
                _reasons.Add("occurredAt must be an ISO-8601 timestamp with a time zone, e.g. 2026-11-25T09:30:00Z");
                return null;
            }

            if (at > now + EventBatchLimits.ClockSkew)
            {
                _reasons.Add("occurredAt is in the future");
            }
            else if (startedAt is { } started && at < started - EventBatchLimits.ClockSkew)
            {
                _reasons.Add("occurredAt is before the experiment started");
            }

            return at.ToUniversalTime();
        }

        private UnitId? ReadUnit(bool required)
        {
            // The unit id is personal data: reasons name the field, never its value.
            var text = Text("unitId", EventBatchLimits.MaxUnitIdLength, required);
            if (text is null)
            {
                return null;
            }

            try
            {
                return new UnitId(text);
            }
            catch (ArgumentException)
            {
                _reasons.Add("unitId is not a valid string");
                return null;
            }
        }

        private Arm? ReadArm(EventType? type)
        {
            if (type == EventType.Conversion)
            {
                return Forbid<Arm?>("arm", "exposure, error, prediction or shadowResult (a conversion counts for the arm of the unit's first exposure)", null);
            }

            var text = Text("arm", 16, required: type is EventType.Exposure or EventType.Error or EventType.Prediction);
            Arm? arm = text?.ToLowerInvariant() switch
            {
                "production" => Arm.Production,
                "staging" => Arm.Staging,
                null => type == EventType.ShadowResult ? Arm.Staging : null,
                _ => null,
            };
            if (text is not null && arm is null)
            {
                _reasons.Add("arm must be production or staging");
            }
            else if (type == EventType.ShadowResult && arm == Arm.Production)
            {
                _reasons.Add("a shadowResult is always for the staging arm");
            }

            return arm;
        }

        private decimal? ReadValue()
        {
            if (!element.TryGetProperty("value", out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var krw))
            {
                _reasons.Add("value must be a number (KRW)");
                return null;
            }

            if (krw < 0 || krw > EventBatchLimits.MaxValueKrw || decimal.Truncate(krw) != krw)
            {
                _reasons.Add($"value must be a whole number of won between 0 and {EventBatchLimits.MaxValueKrw:N0}");
            }

            return krw;
        }

        private string? ReadAttributes()
        {
            if (!element.TryGetProperty("attributes", out var attributes) || attributes.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (attributes.ValueKind != JsonValueKind.Object
                || attributes.EnumerateObject().Any(p => p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array))
            {
                _reasons.Add("attributes must be an object of strings, numbers or booleans");
                return null;
            }

            if (!JsonText.IsWellFormed(attributes))
            {
                _reasons.Add("attributes must be well-formed Unicode text");
                return null;
            }

            var raw = attributes.GetRawText();
            if (raw.Length > EventBatchLimits.MaxAttributesBytes)
            {
                _reasons.Add($"attributes may hold at most {EventBatchLimits.MaxAttributesBytes} bytes");
                return null;
            }

            return raw;
        }

        private string? Text(string name, int maxLength, bool required)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    _reasons.Add($"{name} is required");
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                _reasons.Add($"{name} must be a string");
                return null;
            }

            if (JsonText.ReadString(value) is not { } text)
            {
                _reasons.Add($"{name} must be well-formed Unicode text");
                return null;
            }

            if (text.Length == 0 || text.Length > maxLength || text.Any(char.IsControl))
            {
                _reasons.Add($"{name} must be 1 to {maxLength} characters without control characters");
                return null;
            }

            return text;
        }

        private double? Number(string name, bool required, double min)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    _reasons.Add($"{name} is required");
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number) || number < min)
            {
                _reasons.Add(min == 0 ? $"{name} must be a finite number, not negative" : $"{name} must be a finite number");
                return null;
            }

            return number;
        }

        private T Forbid<T>(string name, string allowedFor, T none)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                _reasons.Add($"{name} is only for {allowedFor} events");
            }

            return none;
        }
    }
}
