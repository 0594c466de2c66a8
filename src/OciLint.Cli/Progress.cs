using System.Globalization;
using McMaster.Extensions.CommandLineUtils;
using OciLint.Core.Blobs;

namespace OciLint.Cli;

/// <summary>
/// The hashing progress line on stderr: bytes hashed of the total, rate and time left, redrawn in place.
/// Only on a terminal, only once hashing has run for about a second, never with --quiet; erased when done.
/// </summary>
public sealed class Progress : IProgress<HashProgress>
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private readonly TextWriter _error;
    private readonly Lock _lock = new();
    private int _width;

    private Progress(TextWriter error)
    {
        _error = error;
    }

    /// <summary>A renderer when stderr is a terminal and the run is not quiet; otherwise null (no progress at all).</summary>
    public static Progress? For(IConsole console, bool quiet) => quiet || console.IsErrorRedirected ? null : new Progress(console.Error);

    public void Report(HashProgress value)
    {
        lock (_lock)
        {
            if (value.Done)
            {
                if (_width > 0)
                {
                    _error.Write("\r" + new string(' ', _width) + "\r");
                    _error.Flush();
                    _width = 0;
                }

                return;
            }

            if (value.Elapsed < Delay)
            {
                return;
            }

            var text = Format(value);
            _error.Write("\r" + text.PadRight(_width));
            _error.Flush();
            _width = Math.Max(_width, text.Length);
        }
    }

    public static string Format(HashProgress value)
    {
        var eta = value.Remaining is { } left ? $", {Duration(left)} left" : "";
        return $"hashing blobs: {Size(value.BytesHashed)} of {Size(value.BytesTotal)} ({value.BlobsHashed}/{value.BlobsTotal} blobs), {Size((long)value.Rate)}/s{eta}";
    }

    private static string Size(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    private static string Duration(TimeSpan time) =>
        time.TotalHours >= 1 ? time.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : time.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
