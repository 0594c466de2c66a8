using System.Security.Cryptography;
using OciLint.Core.Model;

namespace OciLint.Core.Blobs;

/// <summary>What a digest string is, by descriptor.md#digests and its table of registered algorithms.</summary>
public enum DigestForm
{
    /// <summary>Does not match the digest grammar (OCI401): never becomes a path.</summary>
    Invalid,

    /// <summary>A registered algorithm whose encoded part breaks the algorithm's own rule (uppercase hex, wrong length; OCI402).</summary>
    MalformedEncoded,

    /// <summary>sha256 or sha512: ocilint computes and compares it.</summary>
    Verifiable,

    /// <summary>Registered but not computed by ocilint (blake3).</summary>
    RegisteredUnverifiable,

    /// <summary>Valid grammar, algorithm not registered by the spec (OCI403).</summary>
    Unregistered,
}

/// <summary>Digest grammar, registered algorithms and hashing helpers, shared by the verifier, the tar reader and the rules.</summary>
public static class Digests
{
    public const string Sha256 = "sha256";
    public const string Sha512 = "sha512";
    public const string Blake3 = "blake3";

    /// <summary>Registered algorithms and the number of lowercase hex characters of their encoded part.</summary>
    public static IReadOnlyDictionary<string, int> Registered { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [Sha256] = 64,
        [Sha512] = 128,
        [Blake3] = 64,
    };

    public static bool IsVerifiable(string algorithm) => algorithm is Sha256 or Sha512;

    public static bool IsRegistered(string algorithm) => Registered.ContainsKey(algorithm);

    /// <summary>Splits at the first colon; null when the digest does not match the grammar.</summary>
    public static (string Algorithm, string Encoded)? Split(string? digest)
    {
        if (digest is null || !LayoutModel.DigestGrammar().IsMatch(digest))
        {
            return null;
        }

        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        return (digest[..colon], digest[(colon + 1)..]);
    }

    public static DigestForm Classify(string? digest) => Split(digest) is { } parts ? Classify(parts.Algorithm, parts.Encoded) : DigestForm.Invalid;

    /// <summary>Classifies a grammar-valid pair (a descriptor's digest, or a blob path's folder and file name).</summary>
    public static DigestForm Classify(string algorithm, string encoded)
    {
        if (Registered.TryGetValue(algorithm, out var length))
        {
            if (!IsLowerHex(encoded, length))
            {
                return DigestForm.MalformedEncoded;
            }

            return IsVerifiable(algorithm) ? DigestForm.Verifiable : DigestForm.RegisteredUnverifiable;
        }

        return DigestForm.Unregistered;
    }

    /// <summary>
    /// The algorithms to compute for a file at blobs/&lt;folder&gt;/&lt;name&gt;: the folder's own when ocilint can verify it,
    /// plus whichever registered algorithm the name's length suggests when the content may sit in the wrong folder
    /// (OCI412). Empty when nothing useful can be computed. The verifier and the compressed-tar reader both use this,
    /// so a digest computed during the tar's single pass is always the one asked for later.
    /// </summary>
    public static IReadOnlyList<string> AlgorithmsFor(string folder, string name)
    {
        if (!IsRegistered(folder))
        {
            return [];
        }

        var form = Classify(folder, name);
        if (form == DigestForm.Verifiable)
        {
            // A sha512 blob is also hashed with sha256 to find the same content stored twice.
            return folder == Sha512 ? [Sha512, Sha256] : [Sha256];
        }

        // A name of the wrong length or case: its length names the algorithm it probably is.
        if (IsHex(name, 64))
        {
            return [Sha256];
        }

        return IsHex(name, 128) ? [Sha512] : [];
    }

    public static IncrementalHash CreateHash(string algorithm) => algorithm switch
    {
        Sha256 => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
        Sha512 => IncrementalHash.CreateHash(HashAlgorithmName.SHA512),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "not a verifiable algorithm"),
    };

    /// <summary>"alg:hex" of a hash result.</summary>
    public static string Format(string algorithm, ReadOnlySpan<byte> hash) => algorithm + ":" + Convert.ToHexStringLower(hash);

    public static string Compute(string algorithm, ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[64];
        var written = algorithm switch
        {
            Sha256 => SHA256.HashData(content, hash),
            Sha512 => SHA512.HashData(content, hash),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "not a verifiable algorithm"),
        };
        return Format(algorithm, hash[..written]);
    }

    private static bool IsLowerHex(string text, int length)
    {
        if (text.Length != length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHex(string text, int length) => text.Length == length && text.All(char.IsAsciiHexDigit);
}
