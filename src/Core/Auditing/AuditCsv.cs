using System.Globalization;
using System.Text;

namespace Lotte.Core.Auditing;

/// <summary>RFC 4180 CSV of audit entries (quoted fields; formula-like cells defused for spreadsheet users).</summary>
public static class AuditCsv
{
    public static string Write(IEnumerable<AuditEntry> entries)
    {
        var csv = new StringBuilder("at_utc,actor,role,action,subject,justification,before,after\r\n");
        foreach (var e in entries)
        {
            csv.AppendJoin(',', new[]
            {
                e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), e.ActorName, e.ActorRole, e.Action, e.Subject,
                e.Justification, e.BeforeJson, e.AfterJson,
            }.Select(Field)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Field(string? value)
    {
        var text = value ?? "";
        // A cell starting with = + - @ would run as a formula when the export is opened in a spreadsheet.
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
