using System.Text;
using McMaster.Extensions.CommandLineUtils;

namespace OciLint.Tests.Support;

/// <summary>An in-memory console for running the CLI in-process; redirection decides colour and progress.</summary>
public sealed class TestConsole(bool outputRedirected = true, bool errorRedirected = true) : IConsole
{
    public TextWriter Out { get; } = new StringWriter(new StringBuilder());

    public TextWriter Error { get; } = new StringWriter(new StringBuilder());

    public TextReader In { get; } = new StringReader("");

    public bool IsInputRedirected => true;

    public bool IsOutputRedirected => outputRedirected;

    public bool IsErrorRedirected => errorRedirected;

    public ConsoleColor ForegroundColor { get; set; }

    public ConsoleColor BackgroundColor { get; set; }

    public event ConsoleCancelEventHandler? CancelKeyPress
    {
        add { }
        remove { }
    }

    public void ResetColor()
    {
    }
}
