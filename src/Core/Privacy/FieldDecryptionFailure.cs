namespace Lotte.Core.Privacy;

/// <summary>Why an encrypted field could not be decrypted.</summary>
public enum FieldDecryptionFailure
{
    /// <summary>Too short, or its header is inconsistent: not an encrypted field.</summary>
    Malformed,

    /// <summary>Written in a format version this build does not read.</summary>
    UnsupportedVersion,

    /// <summary>Encrypted under a key id that is not configured (removed too early, or from another system).</summary>
    UnknownKey,

    /// <summary>The tag does not match: the key behind the id is not the one used, the data or its context changed.</summary>
    AuthenticationFailed,
}
