using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MessagingProvider.Packaging.Tests;

/// <summary>
/// Reads the assembly references of every DLL in a folder (metadata only, nothing is loaded) and
/// lists those that neither a shipped DLL of the same or a higher version nor the host's framework
/// satisfies.
/// </summary>
public static class AssemblyReferenceCheck
{
    public sealed record Problem(string Referencing, string Name, Version Version, string Why)
    {
        public override string ToString() => $"{Referencing} references {Name} {Version}: {Why}";
    }

    public static List<Problem> Find(string folder, IReadOnlyDictionary<string, Version> framework)
    {
        var shipped = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        var references = new List<(string File, string Name, Version Version)>();
        foreach (string file in Directory.GetFiles(folder, "*.dll"))
        {
            using var stream = File.OpenRead(file);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) continue;
            MetadataReader metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly) continue;
            AssemblyDefinition definition = metadata.GetAssemblyDefinition();
            shipped[metadata.GetString(definition.Name)] = definition.Version;
            foreach (AssemblyReferenceHandle handle in metadata.AssemblyReferences)
            {
                AssemblyReference reference = metadata.GetAssemblyReference(handle);
                references.Add((Path.GetFileName(file), metadata.GetString(reference.Name), reference.Version));
            }
        }

        var problems = new List<Problem>();
        foreach ((string file, string name, Version version) in references)
        {
            if (shipped.TryGetValue(name, out Version? shippedVersion))
            {
                if (shippedVersion < version) problems.Add(new Problem(file, name, version, $"the module ships {shippedVersion}, older"));
                continue;
            }

            if (!framework.TryGetValue(name, out Version? frameworkVersion))
            {
                problems.Add(new Problem(file, name, version, "neither shipped in the module folder nor part of the framework"));
            }
            else if (frameworkVersion < version)
            {
                problems.Add(new Problem(file, name, version, $"the framework has {frameworkVersion}, older; ship it or build against the older framework"));
            }
        }

        return problems.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Referencing, StringComparer.Ordinal).ToList();
    }

    /// <summary>Reads "Name Version" lines (# comments) of the lists in Frameworks/.</summary>
    public static Dictionary<string, Version> ReadList(params string[] files)
    {
        var list = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        foreach (string file in files)
        {
            foreach (string line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Frameworks", file)))
            {
                if (line.Length == 0 || line.StartsWith('#')) continue;
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Version version = Version.Parse(parts[1]);
                if (!list.TryGetValue(parts[0], out Version? known) || known < version) list[parts[0]] = version;
            }
        }

        return list;
    }
}
