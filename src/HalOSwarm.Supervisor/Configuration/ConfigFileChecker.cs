using System.Text.Json;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// Problems of the config file itself: missing, not JSON, not an object, unknown keys. Notes are what is accepted but
/// worth saying: a placeholder section (not configured yet), an alias (and its preferred key).
/// </summary>
internal static class ConfigFileChecker
{
    private static readonly JsonDocumentOptions s_options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Returns false when the file cannot be used at all (missing or not JSON).</summary>
    public static bool Check(string path, ConfigKeys keys, List<string> errors, List<string>? notes = null)
    {
        notes ??= [];
        if (!File.Exists(path))
        {
            errors.Add($"config: file '{path}' does not exist");
            return false;
        }
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, s_options);
        }
        catch (JsonException ex)
        {
            errors.Add($"config: '{path}' is not valid JSON: {ex.Message}");
            return false;
        }
        catch (IOException ex)
        {
            errors.Add($"config: '{path}' cannot be read: {ex.Message}");
            return false;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"config: '{path}' must hold a JSON object at the top level");
                return false;
            }
            foreach (var section in document.RootElement.EnumerateObject())
            {
                CheckSection(section, keys, errors, notes);
            }
        }
        return true;
    }

    private static void CheckSection(JsonProperty section, ConfigKeys keys, List<string> errors, List<string> notes)
    {
        if (keys.Placeholder(section.Name) is { } placeholder)
        {
            notes.Add($"{section.Name}: not configured yet: this supervisor has no {placeholder.Description}; the section is accepted and not read");
            return;
        }
        if (!keys.IsSection(section.Name))
        {
            errors.Add($"{section.Name}: unknown key (known sections: {string.Join(", ", keys.Sections)})");
            return;
        }
        if (section.Value.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{section.Name}: must be an object");
            return;
        }
        CheckObject(section.Name, section.Value, keys, errors, notes);
    }

    private static void CheckObject(string prefix, JsonElement value, ConfigKeys keys, List<string> errors, List<string> notes)
    {
        foreach (var property in value.EnumerateObject())
        {
            var key = $"{prefix}.{property.Name}";
            if (keys.IsSection(key) && !keys.All.ContainsKey(key))
            {
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{key}: must be an object");
                    continue;
                }
                CheckObject(key, property.Value, keys, errors, notes);
            }
            else if (keys.Aliases.TryGetValue(key, out var preferred))
            {
                CheckAlias(value, key, preferred, errors, notes);
            }
            else if (!keys.All.ContainsKey(key) && !keys.IsStructured(key))
            {
                errors.Add($"{key}: unknown key{Suggest(keys, key)}");
            }
            else if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && !keys.IsStructured(key))
            {
                errors.Add($"{key}: must be a single value, not an {property.Value.ValueKind.ToString().ToLowerInvariant()}");
            }
        }
    }

    private static void CheckAlias(JsonElement parent, string alias, string preferred, List<string> errors, List<string> notes)
    {
        var preferredName = preferred[(preferred.LastIndexOf('.') + 1)..];
        if (parent.EnumerateObject().Any(p => string.Equals(p.Name, preferredName, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"{alias}: also set as {preferred}; keep one ({preferred} is the preferred name)");
        }
        else
        {
            notes.Add($"{alias}: read as {preferred}, the preferred name of this key");
        }
    }

    /// <summary>Checks HAL_ environment overrides (<c>SERVER:PORT</c>) inside the supervisor's sections for typos.</summary>
    public static void CheckEnvironment(IEnumerable<string> variables, List<string> errors) =>
        CheckEnvironment(variables, SupervisorConfiguration.Sections.Keys, errors);

    /// <summary>Checks HAL_ environment overrides inside the sections <paramref name="keys"/> knows for typos.</summary>
    public static void CheckEnvironment(IEnumerable<string> variables, ConfigKeys keys, List<string> errors)
    {
        foreach (var raw in variables)
        {
            var key = raw.Replace(':', '.');
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && keys.IsSection(key[..dot]) && !keys.All.ContainsKey(key) && !keys.IsStructured(key) && !keys.Aliases.ContainsKey(key))
            {
                errors.Add($"{key.ToLowerInvariant()}: unknown key (from environment variable HAL_{raw.Replace(":", "__", StringComparison.Ordinal)}){Suggest(keys, key)}");
            }
        }
    }

    private static string Suggest(ConfigKeys keys, string key)
    {
        var best = keys.All.Keys
            .Select(k => (Key: k, Distance: Distance(k, key.ToLowerInvariant())))
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        return best.Key is not null && best.Distance <= 3 ? $"; did you mean '{best.Key}'?" : "";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            }
        }
        return d[a.Length, b.Length];
    }
}
