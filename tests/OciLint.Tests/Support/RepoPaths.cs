namespace OciLint.Tests.Support;

/// <summary>Paths of the repository (found from the test binary upwards) and of the optional ../shared folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OciLint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OciLint.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string RuleDocs => Path.Combine(Root, "rules");

    /// <summary>../shared beside the repository, or null when absent (tests that use it skip).</summary>
    public static string? Shared
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("OCILINT_SHARED");
            var path = env ?? Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(path) ? path : null;
        }
    }
}
