using Scriban.Runtime;

namespace PushNotifi.Generators.Emitting;

/// <summary>
/// What a template sees, as plain data: strings, booleans, numbers, nested nodes and arrays of them. Its key is a
/// faithful text form of everything in it, so two nodes with equal keys render to the same text.
/// </summary>
internal sealed class TemplateNode
{
    private readonly List<KeyValuePair<string, object?>> _members;

    /// <param name="capacity">How many members it will hold (one list per node, made once at that size).</param>
    public TemplateNode(int capacity) => _members = new List<KeyValuePair<string, object?>>(capacity);

    // One box each: a method's nodes hold about twenty flags, and boxing each one was most of the emitter's garbage.
    private static readonly object s_true = true;
    private static readonly object s_false = false;

    public TemplateNode Set(string name, bool value) => Set(name, value ? s_true : s_false);

    public TemplateNode Set(string name, object? value)
    {
        _members.Add(new KeyValuePair<string, object?>(name, value));
        return this;
    }

    public void Clear() => _members.Clear();

    /// <summary>Writes the node so that different contents never give the same text (strings are length-prefixed).</summary>
    public void WriteKey(ShapeKeyWriter key)
    {
        key.Append('{');
        foreach (var member in _members)
        {
            key.Append(member.Key);
            key.Append('=');
            WriteValue(key, member.Value);
        }

        key.Append('}');
    }

    public ScriptObject ToScriptObject()
    {
        var result = new ScriptObject(_members.Count);
        foreach (var member in _members)
        {
            result[member.Key] = ToScriptValue(member.Value);
        }

        return result;
    }

    private static object? ToScriptValue(object? value) => value switch
    {
        TemplateNode node => node.ToScriptObject(),
        TemplateNode[] nodes => ConvertAll(nodes),
        _ => value,
    };

    private static ScriptObject[] ConvertAll(TemplateNode[] nodes)
    {
        var result = new ScriptObject[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            result[i] = nodes[i].ToScriptObject();
        }

        return result;
    }

    private static void WriteValue(ShapeKeyWriter key, object? value)
    {
        switch (value)
        {
            case null:
                key.Append('n');
                break;
            case string text:
                key.Append('s');
                key.Append(text.Length);
                key.Append(':');
                key.Append(text);
                break;
            case bool flag:
                key.Append(flag ? 'T' : 'F');
                break;
            case int number:
                key.Append('i');
                key.Append(number);
                key.Append(';');
                break;
            case TemplateNode node:
                node.WriteKey(key);
                break;
            case TemplateNode[] nodes:
                key.Append('[');
                foreach (var node in nodes)
                {
                    node.WriteKey(key);
                }

                key.Append(']');
                break;
            case string[] texts:
                key.Append('[');
                foreach (var text in texts)
                {
                    WriteValue(key, text);
                }

                key.Append(']');
                break;
            default:
                // A value the key cannot describe could make two different methods share one rendered shape.
                throw new System.InvalidOperationException("A template value of type " + value.GetType().Name + " has no key form.");
        }
    }
}
