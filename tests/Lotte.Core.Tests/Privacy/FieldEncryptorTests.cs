using System.Text;
using Lotte.Core.Privacy;

namespace Lotte.Core.Tests.Privacy;

public sealed class FieldEncryptorTests
{
    private const string Context = "attributes.phone";
    private const string Phone = "010-1234-5678 김민준";

    private readonly PrivacyOptions _options = TestPrivacyOptions.Create(activeKeyId: "key-a", keyIds: ["key-a", "key-b"]);

    [Fact]
    public void Decrypt_WhatWasEncrypted_ReturnsThePlaintext()
    {
        var encryptor = new FieldEncryptor(TestPrivacyOptions.Wrap(_options));

        var field = encryptor.EncryptText(Phone, Context);

        Assert.Equal(Phone, encryptor.DecryptText(field, Context));
        Assert.Equal(-1, field.AsSpan().IndexOf(Encoding.UTF8.GetBytes("5678")));
    }

    [Fact]
    public void Encrypt_Always_WritesTheDocumentedLayout()
    {
        var plaintext = Encoding.UTF8.GetBytes(Phone);

        var field = new FieldEncryptor(TestPrivacyOptions.Wrap(_options)).Encrypt(plaintext, Context);

        Assert.Equal(1, field[0]);
        Assert.Equal("key-a".Length, field[1]);
        Assert.Equal("key-a", Encoding.ASCII.GetString(field, 2, field[1]));
        Assert.Equal(2 + 5 + 12 + 16 + plaintext.Length, field.Length);
        Assert.Equal("key-a", FieldEncryptor.KeyIdOf(field));
    }

    [Fact]
    public void Encrypt_SamePlaintextTwice_DiffersByNonce()
    {
        var encryptor = new FieldEncryptor(TestPrivacyOptions.Wrap(_options));

        Assert.NotEqual(encryptor.EncryptText(Phone, Context), encryptor.EncryptText(Phone, Context));
    }

    [Fact]
    public void Decrypt_AnyFlippedBit_FailsAuthentication()
    {
        var encryptor = new FieldEncryptor(TestPrivacyOptions.Wrap(_options));
        var field = encryptor.EncryptText(Phone, Context);

        // Every bit after the key-id length: key id, nonce, tag and ciphertext are all covered.
        for (var bit = 16; bit < field.Length * 8; bit++)
        {
            var tampered = (byte[])field.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));

            var failure = Assert.Throws<FieldDecryptionException>(() => encryptor.Decrypt(tampered, Context)).Failure;
            Assert.True(failure is FieldDecryptionFailure.AuthenticationFailed or FieldDecryptionFailure.UnknownKey, $"bit {bit}: {failure}");
        }
    }

    [Fact]
    public void Decrypt_OtherContext_FailsAuthentication()
    {
        var encryptor = new FieldEncryptor(TestPrivacyOptions.Wrap(_options));
        var field = encryptor.EncryptText(Phone, Context);

        var exception = Assert.Throws<FieldDecryptionException>(() => encryptor.Decrypt(field, "attributes.email"));

        Assert.Equal(FieldDecryptionFailure.AuthenticationFailed, exception.Failure);
    }

    [Fact]
    public void Decrypt_SameKeyIdWithAnotherKey_FailsAuthentication()
    {
        var field = new FieldEncryptor(TestPrivacyOptions.Wrap(_options)).EncryptText(Phone, Context);
        var impostor = new FieldEncryptor(TestPrivacyOptions.Wrap(TestPrivacyOptions.Create(activeKeyId: "key-a")));

        var exception = Assert.Throws<FieldDecryptionException>(() => impostor.Decrypt(field, Context));

        Assert.Equal(FieldDecryptionFailure.AuthenticationFailed, exception.Failure);
    }

    [Fact]
    public void Decrypt_AfterRotation_ReadsOldAndNewData()
    {
        var beforeRotation = new FieldEncryptor(TestPrivacyOptions.Wrap(_options)).EncryptText(Phone, Context);
        var rotated = new FieldEncryptor(TestPrivacyOptions.Wrap(TestPrivacyOptions.WithActiveKey(_options, "key-b")));

        var afterRotation = rotated.EncryptText(Phone, Context);

        Assert.Equal("key-a", FieldEncryptor.KeyIdOf(beforeRotation));
        Assert.Equal("key-b", FieldEncryptor.KeyIdOf(afterRotation));
        Assert.Equal(Phone, rotated.DecryptText(beforeRotation, Context));
        Assert.Equal(Phone, rotated.DecryptText(afterRotation, Context));
    }

    [Fact]
    public void Decrypt_UnknownKeyId_SaysWhichKey()
    {
        var field = new FieldEncryptor(TestPrivacyOptions.Wrap(TestPrivacyOptions.Create(activeKeyId: "retired-2024"))).EncryptText(Phone, Context);

        var exception = Assert.Throws<FieldDecryptionException>(() => new FieldEncryptor(TestPrivacyOptions.Wrap(_options)).Decrypt(field, Context));

        Assert.Equal(FieldDecryptionFailure.UnknownKey, exception.Failure);
        Assert.Contains("retired-2024", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0], FieldDecryptionFailure.Malformed)]
    [InlineData(new byte[] { 1 }, FieldDecryptionFailure.Malformed)]
    [InlineData(new byte[] { 1, 0, 0, 0 }, FieldDecryptionFailure.Malformed)]
    [InlineData(new byte[] { 1, 5, (byte)'k', (byte)'e', (byte)'y', (byte)'-', (byte)'a', 0, 0 }, FieldDecryptionFailure.Malformed)]
    [InlineData(new byte[] { 2, 5, (byte)'k', (byte)'e', (byte)'y', (byte)'-', (byte)'a' }, FieldDecryptionFailure.UnsupportedVersion)]
    public void Decrypt_NotAnEncryptedField_SaysWhy(byte[] field, FieldDecryptionFailure expected)
    {
        var exception = Assert.Throws<FieldDecryptionException>(() => new FieldEncryptor(TestPrivacyOptions.Wrap(_options)).Decrypt(field, Context));

        Assert.Equal(expected, exception.Failure);
    }

    [Fact]
    public void Encrypt_EmptyPlaintext_RoundTrips()
    {
        var encryptor = new FieldEncryptor(TestPrivacyOptions.Wrap(_options));

        Assert.Equal("", encryptor.DecryptText(encryptor.EncryptText("", Context), Context));
    }
}
