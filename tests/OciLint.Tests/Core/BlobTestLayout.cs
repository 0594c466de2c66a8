using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OciLint.Core.Layout;
using OciLint.Tests.Support;

namespace OciLint.Tests.Core;

/// <summary>Writes small layouts for the blob verifier tests: blobs by content, manifests and index.json built from them.</summary>
internal sealed class BlobTestLayout
{
    public BlobTestLayout(string root)
    {
        Root = root;
        Directory.CreateDirectory(Path.Combine(root, "blobs", "sha256"));
        File.WriteAllText(Path.Combine(root, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    public string Root { get; }

    public static string Sha256(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    public static string PathOf(string digest) => "blobs/" + digest.Replace(':', '/');

    /// <summary>Writes a blob under its own digest and returns a descriptor for it.</summary>
    public Dictionary<string, object> Blob(byte[] content, string mediaType = "application/vnd.oci.image.layer.v1.tar+gzip")
    {
        var digest = Sha256(content);
        File.WriteAllBytes(Path.Combine(Root, PathOf(digest)), content);
        return Descriptor(mediaType, digest, content.Length);
    }

    public static Dictionary<string, object> Descriptor(string mediaType, string digest, long size) =>
        new() { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = size };

    public Dictionary<string, object> Config() =>
        Blob(Encoding.UTF8.GetBytes("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"), "application/vnd.oci.image.config.v1+json");

    public Dictionary<string, object> Manifest(params Dictionary<string, object>[] layers)
    {
        var manifest = new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = Config(),
            ["layers"] = layers,
        };
        return Blob(JsonSerializer.SerializeToUtf8Bytes(manifest), "application/vnd.oci.image.manifest.v1+json");
    }

    public void Index(params Dictionary<string, object>[] manifests) =>
        File.WriteAllBytes(Path.Combine(Root, "index.json"), JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["schemaVersion"] = 2, ["manifests"] = manifests }));

    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public void WriteTar(string tarPath, bool gzip) => Fixture.WriteTar(Root, tarPath, gzip);
}

/// <summary>Wraps a source and records every path asked for and every open, so tests can prove what was (not) read.</summary>
internal sealed class CountingSource(ILayoutSource inner) : ILayoutSource
{
    public ConcurrentDictionary<string, int> Opens { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<string> Lookups { get; } = [];

    public string Target => inner.Target;

    public SourceKind Kind => inner.Kind;

    public IReadOnlyList<LayoutEntry> Entries => inner.Entries;

    public IReadOnlyList<SourceIssue> Issues => inner.Issues;

    public int OpensOf(string path) => Opens.GetValueOrDefault(path);

    public LayoutEntry? Find(string path)
    {
        Lookups.Add(path);
        return inner.Find(path);
    }

    public Stream OpenRead(LayoutEntry entry)
    {
        Opens.AddOrUpdate(entry.Path, 1, (_, n) => n + 1);
        return inner.OpenRead(entry);
    }

    public string? KnownDigest(LayoutEntry entry, string algorithm) => inner.KnownDigest(entry, algorithm);

    public void Dispose() => inner.Dispose();
}
