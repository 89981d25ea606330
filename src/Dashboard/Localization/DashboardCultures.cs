using System.Globalization;

namespace Lotte.Dashboard.Localization;

/// <summary>The UI's languages. English is the default; Korean is one click away and remembered in a cookie.</summary>
public static class DashboardCultures
{
    public const string English = "en-US";
    public const string Korean = "ko-KR";

    public static readonly string[] Supported = [English, Korean];

    public static bool IsKorean => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko";

    /// <summary>Contract values are always won; digits are grouped as the reader's culture does.</summary>
    public static string Krw(double value) => string.Format(CultureInfo.CurrentCulture, "₩{0:N0}", value);
}
