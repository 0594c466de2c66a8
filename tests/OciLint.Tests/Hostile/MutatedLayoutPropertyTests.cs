using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using OciLint.Tests.Support;
using Shouldly;
using Xunit;

namespace OciLint.Tests.Hostile;

/// <summary>
/// Valid layouts (folder and tar) mutated at random, a few changes at a time: bytes overwritten, files cut, grown,
/// deleted or added, JSON values replaced by other JSON, entries duplicated, digests swapped; as a tar, the archive
/// itself cut or overwritten too. Whatever comes out, the check ends with findings and no rule fails (a rule that
/// throws is a <c>ToolError</c>).
/// </summary>
public sealed class MutatedLayoutPropertyTests
{
    private static readonly string[] Samples = ["single-tag", "buildx-multi-tag"];

    private abstract record Mutation
    {
        public abstract void Apply(string layout);
    }

    private sealed record Overwrite(int File, double At, byte[] Bytes) : Mutation
    {
        public override void Apply(string layout) => Edit(layout, File, bytes =>
        {
            var at = (int)(At * bytes.Length);
            var copy = bytes.ToArray();
            for (var i = 0; i < Bytes.Length && at + i < copy.Length; i++)
            {
                copy[at + i] = Bytes[i];
            }

            return copy;
        });
    }

    private sealed record Cut(int File, double Keep) : Mutation
    {
        public override void Apply(string layout) => Edit(layout, File, bytes => bytes[..(int)(Keep * bytes.Length)]);
    }

    private sealed record Grow(int File, byte[] Bytes) : Mutation
    {
        public override void Apply(string layout) => Edit(layout, File, bytes => [.. bytes, .. Bytes]);
    }

    private sealed record Delete(int File) : Mutation
    {
        public override void Apply(string layout)
        {
            if (Pick(layout, File) is { } path)
            {
                System.IO.File.Delete(path);
            }
        }
    }

    private sealed record Add(string Name, byte[] Bytes) : Mutation
    {
        public override void Apply(string layout)
        {
            var path = Path.Combine(layout, Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!Directory.Exists(path))
            {
                System.IO.File.WriteAllBytes(path, Bytes);
            }
        }
    }

    // Replaces one value of a JSON file (chosen by a walk of the tree) with another JSON value.
    private sealed record ReplaceJson(int File, int Node, string Value) : Mutation
    {
        public override void Apply(string layout) => EditJson(layout, File, root =>
        {
            var nodes = Nodes(root).ToList();
            if (nodes.Count > 1 && nodes[1 + (Node % (nodes.Count - 1))] is { Parent: { } parent } target)
            {
                var value = JsonNode.Parse(Value);
                switch (parent)
                {
                    case JsonObject obj:
                        obj[target.GetPropertyName()] = value;
                        break;
                    case JsonArray array:
                        array[target.GetElementIndex()] = value;
                        break;
                }
            }
        });
    }

    // index.json lists one of its entries again, or another blob's digest in place of an entry's.
    private sealed record Entries(int Entry, bool Duplicate, int Blob) : Mutation
    {
        public override void Apply(string layout) => EditJson(layout, -1, root =>
        {
            if (root is JsonObject { } index && index["manifests"] is JsonArray { Count: > 0 } manifests && manifests[Entry % manifests.Count] is JsonObject entry)
            {
                if (Duplicate)
                {
                    manifests.Add(entry.DeepClone());
                }
                else if (Blobs(layout) is { Count: > 0 } blobs)
                {
                    entry["digest"] = "sha256:" + Path.GetFileName(blobs[Blob % blobs.Count]);
                }
            }
        });
    }

    [Fact]
    public void Mutated_Layouts_Always_Give_A_Result()
    {
        var bytes = Gen.Byte.Array[1, 24];
        var json = OneOf("null", "0", "-1", "1e400", "\"\"", "\"sha256:../../etc/passwd\"", "[]", "{}", "[[[[[[[[]]]]]]]]", "{\"mediaType\":null}", "\"application/vnd.oci.image.index.v1+json\"", "9007199254740993", "true");
        // One cut in five empties the file: an empty file (or tar member) is a case of its own.
        var keep = Gen.Double[0, 1].Select(k => k < 0.2 ? 0 : k);
        var mutation = Gen.OneOf<Mutation>(
            Gen.Select(Gen.Int[0, 99], Gen.Double[0, 1], bytes, (f, at, b) => new Overwrite(f, at, b)),
            Gen.Select(Gen.Int[0, 99], keep, (f, k) => new Cut(f, k)),
            Gen.Select(Gen.Int[0, 99], bytes, (f, b) => new Grow(f, b)),
            Gen.Int[0, 99].Select(f => new Delete(f)),
            Gen.Select(OneOf("blobs/sha256/stray", "blobs/sha256/" + new string('a', 64), "blobs/md5/x", "extra.json", "blobs/sha512/" + new string('b', 128)), bytes, (n, b) => new Add(n, b)),
            Gen.Select(Gen.Int[-1, 99], Gen.Int[0, 999], json, (f, n, v) => new ReplaceJson(f, n, v)),
            Gen.Select(Gen.Int[0, 99], Gen.Bool, Gen.Int[0, 99], (e, d, b) => new Entries(e, d, b)));

        // The tar itself damaged too, now and then: cut short, or a few bytes overwritten (a header, a gzip block).
        var tarDamage = Gen.OneOf<Mutation?>(
            Gen.Const((Mutation?)null),
            Gen.Select(Gen.Double[0, 1], f => (Mutation?)new Cut(0, f)),
            Gen.Select(Gen.Double[0, 1], bytes, (at, b) => (Mutation?)new Overwrite(0, at, b)));

        Gen.Select(Gen.Int[0, Samples.Length - 1], mutation.Array[1, 4], Gen.Int[0, 3], tarDamage).Sample(
            (sample, mutations, form, damage) =>
            {
                using var temp = new TempDir();
                var layout = temp.Combine("layout");
                Fixture.CopyTree(Path.Combine(RepoPaths.Root, "samples", Samples[sample]), layout);
                foreach (var m in mutations)
                {
                    m.Apply(layout);
                }

                // Half the runs read the same layout as a tar, plain (read by seeking) or gzip (read as a stream).
                var target = layout;
                if (form < 2)
                {
                    var folder = temp.Combine("tar");
                    target = Path.Combine(folder, form == 0 ? "layout.tar" : "layout.tar.gz");
                    Directory.CreateDirectory(folder);
                    Fixture.WriteTar(layout, target, gzip: form == 1);
                    damage?.Apply(folder);
                }

                var result = HostileLayout.RunGuarded(target, seconds: 60);
                result.Errors.ShouldBeEmpty($"{Samples[sample]} {string.Join(", ", mutations.Select(m => m.ToString()))}");
            },
            iter: 250,
            print: t => $"{Samples[t.Item1]} form {t.Item3} tar damage {t.Item4}: {string.Join(", ", t.Item2.Select(m => m.ToString()))}");
    }

    private static Gen<string> OneOf(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static IEnumerable<JsonNode> Nodes(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.ToList())
        {
            foreach (var inner in Nodes(child))
            {
                yield return inner;
            }
        }
    }

    private static List<string> Blobs(string layout) =>
        Directory.Exists(Path.Combine(layout, "blobs", "sha256")) ? [.. Directory.GetFiles(Path.Combine(layout, "blobs", "sha256")).Order(StringComparer.Ordinal)] : [];

    // File -1 is index.json; others count over every file of the layout, in order.
    private static string? Pick(string layout, int file)
    {
        if (file < 0)
        {
            var index = Path.Combine(layout, "index.json");
            return File.Exists(index) ? index : null;
        }

        var files = Directory.GetFiles(layout, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        return files.Count == 0 ? null : files[file % files.Count];
    }

    private static void Edit(string layout, int file, Func<byte[], byte[]> change)
    {
        if (Pick(layout, file) is { } path)
        {
            File.WriteAllBytes(path, change(File.ReadAllBytes(path)));
        }
    }

    // Files that are not JSON (or no longer are) are left as they are.
    private static void EditJson(string layout, int file, Action<JsonNode> change)
    {
        if (Pick(layout, file) is not { } path)
        {
            return;
        }

        string text;
        try
        {
            // System.Text.Json reads strings lazily: invalid UTF-8 inside one surfaces only when it is serialized.
            if (JsonNode.Parse(File.ReadAllBytes(path)) is not { } root)
            {
                return;
            }

            change(root);
            text = root.ToJsonString();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return;
        }

        File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
