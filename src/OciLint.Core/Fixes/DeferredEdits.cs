using System.Collections;

namespace OciLint.Core.Fixes;

/// <summary>
/// A fix's edits, spelled out when first read. Only the JSON and SARIF reports and <c>fix</c> read edits; a text report
/// never does, and the edits that collapse a 50,000-entry index.json are 50,000 ranges, each placed by line and column.
/// </summary>
/// <remarks>
/// Computed once, on whichever thread reads first; <paramref name="compute"/> must only read the model, which never
/// changes, and must not throw: it runs in a report writer or in <c>fix</c>, outside the engine's handling of a rule that fails.
/// </remarks>
public sealed class DeferredEdits(Func<IReadOnlyList<FileEdit>> compute) : IReadOnlyList<FileEdit>
{
    private readonly Lazy<IReadOnlyList<FileEdit>> _edits = new(compute, LazyThreadSafetyMode.ExecutionAndPublication);

    public int Count => _edits.Value.Count;

    public FileEdit this[int index] => _edits.Value[index];

    public IEnumerator<FileEdit> GetEnumerator() => _edits.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
