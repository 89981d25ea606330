using System.Text.Encodings.Web;

namespace Lotte.OidcProvider;

/// <summary>The provider's few plain HTML pages: one shell, every interpolated value encoded by the caller with <see cref="Encode"/>.</summary>
internal static class HtmlPage
{
    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static IResult Result(string title, string body) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{Encode(title)}} · Lotte test identity provider</title>
          <style>
            body { font-family: system-ui, sans-serif; background: #f4f5f7; margin: 0; }
            main { max-width: 22rem; margin: 4rem auto; padding: 2rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
            label, input, button { display: block; width: 100%; box-sizing: border-box; }
            input { margin: .25rem 0 1rem; padding: .5rem; }
            button { padding: .6rem; }
            .note { color: #666; font-size: .85rem; }
            .error { color: #b00020; }
          </style>
        </head>
        <body>
          <main>
            <h1>{{Encode(title)}}</h1>
            <p class="note">Test identity provider, for tests and local runs only.</p>
            {{body}}
          </main>
        </body>
        </html>
        """, "text/html; charset=utf-8");
}
