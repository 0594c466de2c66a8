using System.Security.Cryptography;
using OciLint.Rules.Schema;

namespace OciLint.Rules;

/// <summary>
/// First-use work every check needs (rule discovery, the schema pre-checks, OpenSSL's hash setup), started on a
/// worker thread while the caller parses its command line: on a small layout start-up is most of the run, and this
/// work is independent of the arguments. Each piece is thread-safe and lazy, so whoever needs one first simply waits.
/// </summary>
public static class Warmup
{
    public static void Start() => ThreadPool.UnsafeQueueUserWorkItem(_ => Run(), null);

    private static void Run()
    {
        try
        {
            foreach (var rule in BuiltInRules.Rules)
            {
                _ = Rule.HooksOf(rule);
            }

            SchemaPrecheck.Prepare(SchemaCatalog.OciLayout, SchemaCatalog.ImageIndex, SchemaCatalog.ImageManifest, SchemaCatalog.ImageConfig);
            SHA256.HashData(ReadOnlySpan<byte>.Empty);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only a head start: the same work fails again where it is needed, and is reported there.
        }
    }
}
