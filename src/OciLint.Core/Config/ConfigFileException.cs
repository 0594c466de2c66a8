namespace OciLint.Core.Config;

/// <summary>
/// A file the user wrote for OciLint (a config, a baseline, a rule file, a plugin) that cannot be used. The message
/// names the file and, when known, the line and column of the problem in that file.
/// </summary>
public sealed class ConfigFileException : Exception
{
    public ConfigFileException(string file, int line, int column, string problem)
        : base(line > 0 ? $"{file}:{line}:{column}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public ConfigFileException(string file, string problem)
        : this(file, 0, 0, problem)
    {
    }

    public ConfigFileException(string file, string problem, Exception inner)
        : base($"{file}: {problem}", inner)
    {
        File = file;
        Problem = problem;
    }

    public string File { get; }

    /// <summary>1-based; 0 when the problem is the file as a whole.</summary>
    public int Line { get; }

    public int Column { get; }

    public string Problem { get; }
}

/// <summary>A place in a user file, for messages that point back at the entry responsible.</summary>
public readonly record struct FilePosition(string File, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
