// A bare parallel SHA-256 pass over every file under the given folders: the same reads (1 MiB buffers) and
// the same hash (.NET's SHA256, OpenSSL on Linux) as ocilint, and nothing else. The floor ocilint is measured against.
// Usage: dotnet run barehash.cs -- [-j N] DIR...
using System.Diagnostics;
using System.Security.Cryptography;

var jobs = Environment.ProcessorCount;
var folders = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "-j" or "--jobs")
    {
        jobs = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    }
    else
    {
        folders.Add(args[i]);
    }
}

var clock = Stopwatch.StartNew();
var files = folders.SelectMany(f => new DirectoryInfo(f).EnumerateFiles("*", SearchOption.AllDirectories)).OrderByDescending(f => f.Length).ToArray();
long total = 0;
var next = -1;
var threads = Enumerable.Range(0, jobs).Select(_ => new Thread(() =>
{
    var buffer = new byte[1024 * 1024];
    int i;
    while ((i = Interlocked.Increment(ref next)) < files.Length)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var stream = new FileStream(files[i].FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            Interlocked.Add(ref total, read);
        }

        hash.GetHashAndReset();
    }
})).ToList();
threads.ForEach(t => t.Start());
threads.ForEach(t => t.Join());
Console.WriteLine($"{files.Length} files, {total / 1048576.0:0} MiB in {clock.Elapsed.TotalSeconds:0.000} s: {total / clock.Elapsed.TotalSeconds / 1e9:0.00} GB/s with {jobs} threads");
