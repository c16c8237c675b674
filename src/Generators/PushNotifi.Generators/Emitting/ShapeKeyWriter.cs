namespace PushNotifi.Generators.Emitting;

/// <summary>
/// Writes a shape key into a reused buffer, so that finding a kept shape allocates nothing; a string is made only
/// for a shape seen for the first time.
/// </summary>
internal sealed class ShapeKeyWriter
{
    private char[] _chars = new char[4096];

    public int Length { get; private set; }

    public void Clear() => Length = 0;

    public void Append(char value)
    {
        Reserve(1);
        _chars[Length++] = value;
    }

    public void Append(string value)
    {
        Reserve(value.Length);
        value.CopyTo(0, _chars, Length, value.Length);
        Length += value.Length;
    }

    /// <summary>Writes a non-negative number in decimal, without making a string of it.</summary>
    public void Append(int value)
    {
        if (value < 0)
        {
            Append('-');
            value = -value;
        }

        var digits = 1;
        for (var rest = value / 10; rest > 0; rest /= 10)
        {
            digits++;
        }

        Reserve(digits);
        for (var i = Length + digits - 1; i >= Length; i--)
        {
            _chars[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        Length += digits;
    }

    /// <summary>FNV-1a over the written characters.</summary>
    public int Hash()
    {
        unchecked
        {
            var hash = (int)2166136261;
            for (var i = 0; i < Length; i++)
            {
                hash = (hash ^ _chars[i]) * 16777619;
            }

            return hash;
        }
    }

    public bool Matches(string key)
    {
        if (key.Length != Length)
        {
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            if (key[i] != _chars[i])
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => new(_chars, 0, Length);

    private void Reserve(int count)
    {
        if (Length + count > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + count));
        }
    }
}
