namespace PushNotifi.Generators.Emitting;

/// <summary>
/// The per-method texts of one render. The template sees a marker in place of each, so that one rendered shape
/// serves every method of that shape; the markers are then replaced by these values.
/// </summary>
internal sealed class SlotValues
{
    /// <summary>Opens a marker; no template or C# text contains it.</summary>
    public const char Open = '\u0001';

    /// <summary>Closes a marker.</summary>
    public const char Close = '\u0002';

    private static readonly string[] s_markers = CreateMarkers(64);

    private readonly List<string> _values = new(32);
    private readonly bool _passThrough;

    /// <param name="passThrough">True to hand the texts themselves to the template (a direct render, for tests).</param>
    public SlotValues(bool passThrough = false) => _passThrough = passThrough;

    public IReadOnlyList<string> Values => _values;

    /// <summary>Forgets the values, keeping the list, so one instance serves method after method on a thread.</summary>
    public void Reset() => _values.Clear();

    /// <summary>
    /// A marker standing for <paramref name="value"/>. Null and empty stay themselves, since a template may test
    /// them in an <c>if</c> and a marker is always true.
    /// </summary>
    public string? Slot(string? value)
    {
        if (_passThrough || string.IsNullOrEmpty(value))
        {
            return value;
        }

        _values.Add(value!);
        var index = _values.Count - 1;
        return index < s_markers.Length ? s_markers[index] : Marker(index);
    }

    public string[] SlotAll(IEnumerable<string> values)
    {
        var result = new List<string>();
        foreach (var value in values)
        {
            result.Add(Slot(value)!);
        }

        return result.ToArray();
    }

    private static string Marker(int index) => Open + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + Close;

    private static string[] CreateMarkers(int count)
    {
        var markers = new string[count];
        for (var i = 0; i < count; i++)
        {
            markers[i] = Marker(i);
        }

        return markers;
    }
}
