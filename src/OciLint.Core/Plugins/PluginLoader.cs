using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using OciLint.Core.Config;
using OciLint.Core.Engine;
using OciLint.Core.Rules;

namespace OciLint.Core.Plugins;

/// <summary>
/// Loads rules from a plugin assembly: every public concrete <see cref="IRule"/> with a parameterless constructor.
/// Each plugin gets its own <see cref="AssemblyLoadContext"/>, so its dependencies cannot clash with OciLint's or
/// another plugin's; OciLint.Core is shared, so the plugin's <see cref="IRule"/> is OciLint's.
/// </summary>
public static class PluginLoader
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<IRule>>> Loaded = new(StringComparer.Ordinal);

    /// <param name="path">The plugin's .dll.</param>
    /// <param name="displayPath">How messages name it (as the user wrote it).</param>
    public static IReadOnlyList<IRule> Load(string path, string? displayPath = null)
    {
        var full = Path.GetFullPath(path);
        var display = displayPath ?? path;
        if (!File.Exists(full))
        {
            throw new ConfigFileException(display, Directory.Exists(full) ? "is a folder; --plugin takes the plugin's .dll" : "plugin not found");
        }

        // A load context cannot unload an assembly it shares; loading the same file twice would only duplicate it.
        return Loaded.GetOrAdd(full, f => new Lazy<IReadOnlyList<IRule>>(() => LoadOnce(f, display))).Value;
    }

    private static IReadOnlyList<IRule> LoadOnce(string full, string display)
    {
        Assembly assembly;
        try
        {
            var context = new PluginLoadContext(full);
            assembly = context.LoadFromAssemblyPath(full);
        }
        catch (BadImageFormatException)
        {
            throw new ConfigFileException(display, "not a .NET assembly");
        }
        catch (FileLoadException e)
        {
            throw new ConfigFileException(display, $"cannot be loaded ({e.Message})", e);
        }

        IReadOnlyList<IRule> rules;
        try
        {
            rules = RuleCatalog.Discover(assembly);
        }
        catch (ReflectionTypeLoadException e)
        {
            var first = e.LoaderExceptions.FirstOrDefault(x => x is not null)?.Message ?? e.Message;
            throw new ConfigFileException(display, $"its types cannot be loaded ({first}); was it built against this version of OciLint.Core?", e);
        }
        catch (TargetInvocationException e)
        {
            throw new ConfigFileException(display, $"a rule's constructor failed: {e.InnerException?.Message ?? e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigFileException(display, e.Message, e);
        }

        if (rules.Count == 0)
        {
            throw new ConfigFileException(display, $"contains no rule: a plugin needs a public class implementing {typeof(IRule).FullName} with a parameterless constructor");
        }

        return rules;
    }

    private sealed class PluginLoadContext(string pluginPath) : AssemblyLoadContext($"ocilint-plugin:{Path.GetFileNameWithoutExtension(pluginPath)}")
    {
        private static readonly string SharedName = typeof(IRule).Assembly.GetName().Name!;

        private readonly AssemblyDependencyResolver _resolver = new(pluginPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // null defers to the default context: OciLint.Core (and the framework) come from the host.
            if (assemblyName.Name == SharedName)
            {
                return null;
            }

            var path = _resolver.ResolveAssemblyToPath(assemblyName);
            return path is null ? null : LoadFromAssemblyPath(path);
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
            return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
        }
    }
}
