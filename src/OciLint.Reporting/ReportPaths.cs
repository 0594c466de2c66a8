using System.Text;
using OciLint.Core.Engine;
using OciLint.Core.Layout;

namespace OciLint.Reporting;

/// <summary>How a finding's file is named: for people (display) and for machines (artifact path and URI).</summary>
internal static class ReportPaths
{
    /// <summary>
    /// The target as the user typed it joined with the layout-relative file (<c>samples/x/index.json</c>); for a tar,
    /// <c>x.tar!/index.json</c>, since the member cannot be opened by that path.
    /// </summary>
    public static string Display(LintResult result, string file)
    {
        var target = Slashes(result.Target);
        if (file.Length == 0)
        {
            return target;
        }

        return result.SourceKind == SourceKind.Directory ? Slashes(Path.Join(result.Target, file)) : $"{target}!/{file}";
    }

    /// <summary>
    /// A path a CI system can open: relative to the working directory ('/'-separated) when inside it, absolute otherwise.
    /// For a tar it is the tar itself; the member is not a file on disk.
    /// </summary>
    public static string Artifact(LintResult result, string file, string workingDirectory)
    {
        var (path, _) = Resolve(result, file, workingDirectory);
        return path;
    }

    /// <summary>
    /// The artifact as a URI relative to <see cref="BaseUri"/> — with ".." segments when outside the working
    /// directory, because code scanning rejects absolute file URIs (GH1006). Absolute only across drives.
    /// </summary>
    public static (Uri Uri, bool Relative) ArtifactUri(LintResult result, string file, string workingDirectory)
    {
        var (path, _) = Resolve(result, file, workingDirectory);
        var relative = Path.GetRelativePath(Path.GetFullPath(workingDirectory), Path.GetFullPath(path, Path.GetFullPath(workingDirectory)));
        if (!Path.IsPathRooted(relative))
        {
            return (new Uri(EscapeSegments(Slashes(relative)), UriKind.Relative), true);
        }

        return (new Uri("file://" + EscapeSegments(path.StartsWith('/') ? path : "/" + path), UriKind.Absolute), false);
    }

    /// <summary>The working directory as a <c>file:///…/</c> URI ending in '/', as SARIF <c>originalUriBaseIds</c> requires.</summary>
    public static Uri BaseUri(string workingDirectory)
    {
        var full = Slashes(Path.TrimEndingDirectorySeparator(Path.GetFullPath(workingDirectory)));
        return new Uri("file://" + EscapeSegments(full.StartsWith('/') ? full : "/" + full) + "/", UriKind.Absolute);
    }

    private static (string Path, bool Relative) Resolve(LintResult result, string file, string workingDirectory)
    {
        var baseDirectory = Path.GetFullPath(workingDirectory);
        var path = result.SourceKind == SourceKind.Directory ? Path.Join(result.Target, file) : result.Target;
        var full = Path.GetFullPath(path, baseDirectory);
        var relative = Path.GetRelativePath(baseDirectory, full);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return outside ? (Slashes(full), false) : (Slashes(relative), true);
    }

    private static string Slashes(string path) => Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;

    private static string EscapeSegments(string path)
    {
        var builder = new StringBuilder(path.Length);
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            // A Windows drive ("/C:") keeps its colon.
            var isDrive = i == 1 && segments[0].Length == 0 && segments[i] is [_, ':'] && char.IsAsciiLetter(segments[i][0]);
            builder.Append(isDrive ? segments[i] : Uri.EscapeDataString(segments[i]));
        }

        return builder.ToString();
    }
}
