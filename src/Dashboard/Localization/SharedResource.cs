namespace Lotte.Dashboard.Localization;

/// <summary>
/// Marker of the UI's strings. Keys are the English text (so a missing translation still reads well);
/// Resources/SharedResource.ko.resx holds the Korean, with the product's glossary terms.
/// </summary>
public sealed class SharedResource;
