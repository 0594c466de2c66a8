namespace OciLint.Tests.Support;

/// <summary>Small layouts for the fix tests: the base image of the fixtures with an index.json of the test's choosing.</summary>
public static class FixLayouts
{
    public const string Digest = "sha256:4ddfcb6b5cb5c2742f264ca9d87d0f47db8513e9768b1d904429397d6de0b78e";

    /// <summary>One index.json entry for the base image's manifest, with a ref name or none.</summary>
    public static string Entry(string? refName) =>
        "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + Digest + "\",\"size\":345"
        + (refName is null ? "" : ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + refName + "\"}")
        + ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}";

    public static string Index(params string[] entries) =>
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[" + string.Join(",", entries) + "]}";

    /// <summary>Copies the base image into <paramref name="folder"/> and writes <paramref name="indexJson"/>.</summary>
    public static string Create(string folder, string indexJson)
    {
        var source = Path.Combine(RepoPaths.Fixtures, "base", "image");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        File.WriteAllText(Path.Combine(folder, "index.json"), indexJson);
        return folder;
    }
}
