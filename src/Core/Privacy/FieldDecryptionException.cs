using System.Security.Cryptography;

namespace Lotte.Core.Privacy;

/// <summary>Raised instead of returning anything when an encrypted field cannot be decrypted.</summary>
public sealed class FieldDecryptionException : CryptographicException
{
    public FieldDecryptionException(FieldDecryptionFailure failure, string message, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
    }

    public FieldDecryptionFailure Failure { get; }
}
