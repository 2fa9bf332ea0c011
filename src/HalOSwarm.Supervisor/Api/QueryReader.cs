using System.Globalization;

namespace HalOSwarm.Supervisor.Api;

/// <summary>Reads query parameters and collects every problem, so one 400 lists them all.</summary>
internal sealed class QueryReader(IQueryCollection query)
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public string? String(string name)
    {
        var value = query[name].ToString();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public int Limit(int fallback = 100, int max = 1000)
    {
        var value = String("limit");
        if (value is null)
        {
            return fallback;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1 || limit > max)
        {
            _errors.Add(new FieldError("limit", $"must be an integer from 1 to {max} (was '{value}')"));
            return fallback;
        }
        return limit;
    }

    public DateTimeOffset? Time(string name)
    {
        var value = String(name);
        if (value is null)
        {
            return null;
        }
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            || value.Length < 10)
        {
            _errors.Add(new FieldError(name, $"must be an ISO 8601 time such as 2026-11-25T12:00:00Z (was '{value}')"));
            return null;
        }
        return time;
    }

    public long? Long(string name, long min = 0)
    {
        var value = String(name);
        if (value is null)
        {
            return null;
        }
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min)
        {
            _errors.Add(new FieldError(name, $"must be an integer >= {min} (was '{value}')"));
            return null;
        }
        return number;
    }

    public string? OneOf(string name, IReadOnlyCollection<string> allowed)
    {
        var value = String(name);
        if (value is not null && !allowed.Contains(value))
        {
            _errors.Add(new FieldError(name, $"must be one of {string.Join(", ", allowed)} (was '{value}')"));
            return null;
        }
        return value;
    }

    public string? CursorKey()
    {
        var value = String("cursor");
        if (value is null)
        {
            return null;
        }
        if (!Cursor.TryDecode(value, out var key))
        {
            _errors.Add(new FieldError("cursor", "is not a cursor this API returned"));
            return null;
        }
        return key;
    }

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));
}
