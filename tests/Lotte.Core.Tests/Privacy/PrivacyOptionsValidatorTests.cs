using System.ComponentModel.DataAnnotations;
using Lotte.Core.Privacy;

namespace Lotte.Core.Tests.Privacy;

public sealed class PrivacyOptionsValidatorTests
{
    private readonly PrivacyOptionsValidator _validator = new();

    [Fact]
    public void Validate_RandomKeys_Succeeds()
    {
        Assert.True(_validator.Validate(null, TestPrivacyOptions.Create()).Succeeded);
    }

    [Fact]
    public void Validate_EveryBadKey_IsNamedWithoutItsValue()
    {
        var shortKey = TestPrivacyOptions.RandomKey(16);
        var options = TestPrivacyOptions.Create(pseudonymKey: "not base64!", activeKeyId: "missing", keyIds: ["good", "short", "bad id"]);
        options.EncryptionKeys["short"] = shortKey;

        var failures = _validator.Validate(null, options).Failures!.ToArray();

        Assert.Contains(failures, f => f.Contains("Privacy:PseudonymKey", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Privacy:EncryptionKeys:short", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'bad id'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ActiveEncryptionKeyId 'missing'", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("good", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains(shortKey, StringComparison.Ordinal));
        Assert.Equal(4, failures.Length);
    }

    [Fact]
    public void Validate_KeyIdLongerThanHeaderAllows_Fails()
    {
        var keyId = new string('k', 65);

        var result = _validator.Validate(null, TestPrivacyOptions.Create(activeKeyId: keyId));

        Assert.True(result.Failed);
    }

    [Fact]
    public void DataAnnotations_EmptyOptions_ReportRequiredMembers()
    {
        var options = new PrivacyOptions();
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        var members = results.SelectMany(r => r.MemberNames).ToArray();
        Assert.Contains(nameof(PrivacyOptions.PseudonymKey), members);
        Assert.Contains(nameof(PrivacyOptions.EncryptionKeys), members);
        Assert.Contains(nameof(PrivacyOptions.ActiveEncryptionKeyId), members);
    }

    [Fact]
    public void SectionName_IsPrivacy()
    {
        Assert.Equal("Privacy", PrivacyOptions.SectionName);
    }
}
