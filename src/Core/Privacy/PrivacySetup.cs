using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Lotte.Core.Privacy;

internal static class PrivacySetup
{
    /// <summary>Default development key file, relative to the working directory (the repository root for run.sh).</summary>
    private const string DefaultDevelopmentKeyFile = ".data/keys.json";

    /// <summary>
    /// Keys come from the "Privacy" section (secrets: environment or secret store, never appsettings.json).
    /// In Development, when none are configured, a local key file is generated once and reused.
    /// </summary>
    public static void AddPrivacy(this IHostApplicationBuilder builder)
    {
        var options = builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName);
        if (builder.Environment.IsDevelopment() && string.IsNullOrEmpty(builder.Configuration["Privacy:PseudonymKey"]))
        {
            var keyFile = builder.Configuration["Privacy:DevelopmentKeyFile"] ?? DefaultDevelopmentKeyFile;
            options.PostConfigure(o =>
            {
                var generated = DevelopmentKeyStore.LoadOrCreate(Path.GetFullPath(keyFile));
                o.PseudonymKey = generated.PseudonymKey;
                o.EncryptionKeys = generated.EncryptionKeys;
                o.ActiveEncryptionKeyId = generated.ActiveEncryptionKeyId;
            });
        }

        builder.Services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        options.ValidateOnStart();
        builder.Services.AddSingleton<UnitPseudonymizer>();
        builder.Services.AddSingleton<FieldEncryptor>();
    }
}
