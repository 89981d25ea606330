using Lotte.Dashboard.Localization;
using Microsoft.Extensions.Localization;

namespace Lotte.Dashboard.ViewModels;

/// <summary>"12 s ago", "3 min ago", "5 h ago", "2 d ago", in the reader's language.</summary>
public static class Humanize
{
    public static string Since(TimeSpan elapsed, IStringLocalizer<SharedResource> l) => elapsed switch
    {
        { TotalSeconds: < 0 } => l["just now"],
        { TotalMinutes: < 1 } => l["{0} s ago", (int)elapsed.TotalSeconds],
        { TotalHours: < 1 } => l["{0} min ago", (int)elapsed.TotalMinutes],
        { TotalDays: < 1 } => l["{0} h ago", (int)elapsed.TotalHours],
        _ => l["{0} d ago", (int)elapsed.TotalDays],
    };
}
