using System.Globalization;
using PushNotifi.Generators.Model;

namespace PushNotifi.Generators.Pipeline;

/// <summary>
/// Groups the wrappers into one file per containing type. Roslyn checks each new hint name against every earlier
/// one of the generator, on every run and for cached outputs too, so a file per method cost time in the square
/// of the number of methods.
/// </summary>
internal static class AlertFiles
{
    // The modifiers one part of a type may carry for all parts; "ref" must come last, right before "partial".
    private static readonly string[] s_typeModifiers = { "readonly", "unsafe", "ref" };

    public static ImmutableEquatableArray<AlertFileModel> Group(IReadOnlyList<AlertMethodModel> models)
    {
        var order = new List<string>();
        var groups = new Dictionary<string, List<AlertMethodModel>>(StringComparer.Ordinal);
        var enabledTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            var type = TypeName(model);
            if (model.NullableEnabled)
            {
                enabledTypes.Add(type);
            }

            var key = (model.NullableEnabled ? "+" : "-") + type;
            if (!groups.TryGetValue(key, out var methods))
            {
                groups.Add(key, methods = new List<AlertMethodModel>());
                order.Add(key);
            }

            methods.Add(model);
        }

        // Roslyn compares hint names ignoring case, so types that differ only in case need names that do not.
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = new List<AlertFileModel>(order.Count);
        foreach (var key in order)
        {
            var methods = groups[key];
            var first = methods[0];
            var type = key.Substring(1);

            // A type whose wrappers sit on both sides of a #nullable directive needs two files; only then the suffix.
            var name = type + (!first.NullableEnabled && enabledTypes.Contains(type) ? ".NullableDisabled" : string.Empty);
            var unique = name;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = name + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            files.Add(new AlertFileModel(unique + ".g.cs", first.Namespace, first.FileScopedNamespace, Frame(methods), first.NullableEnabled, methods.ToEquatableArray()));
        }

        return files.ToEquatableArray();
    }

    /// <summary>
    /// The containing types' headers for the whole file: each part of a type may declare it <c>unsafe</c>,
    /// <c>readonly</c> or <c>ref</c> for all parts, and the file's one part must keep what any method's part had.
    /// </summary>
    private static ImmutableEquatableArray<ContainingTypeModel> Frame(List<AlertMethodModel> methods)
    {
        var first = methods[0].ContainingTypes;
        var frame = new ContainingTypeModel[first.Count];
        for (var level = 0; level < frame.Length; level++)
        {
            var modifiers = new HashSet<string>(StringComparer.Ordinal);
            var rest = first[level].Keyword;
            foreach (var method in methods)
            {
                var keyword = method.ContainingTypes[level].Keyword;
                var partial = keyword.IndexOf("partial ", StringComparison.Ordinal);
                foreach (var modifier in keyword.Substring(0, Math.Max(partial, 0)).Split(' '))
                {
                    modifiers.Add(modifier);
                }

                rest = partial >= 0 ? keyword.Substring(partial) : keyword;
            }

            var header = new StringBuilder();
            foreach (var modifier in s_typeModifiers)
            {
                if (modifiers.Contains(modifier))
                {
                    header.Append(modifier).Append(' ');
                }
            }

            frame[level] = first[level] with { Keyword = header.Append(rest).ToString() };
        }

        return frame.ToEquatableArray();
    }

    /// <summary><c>Namespace.Outer+Inner`1</c>: unique per type, with only the characters a hint name allows.</summary>
    private static string TypeName(AlertMethodModel model)
    {
        var name = new StringBuilder();
        Append(name, model.Namespace ?? string.Empty);
        for (var i = 0; i < model.ContainingTypes.Count; i++)
        {
            var type = model.ContainingTypes[i];
            if (name.Length > 0)
            {
                name.Append(i == 0 ? '.' : '+');
            }

            Append(name, type.Name.TrimStart('@'));
            if (type.TypeParameters.Length > 0)
            {
                var arity = 1;
                foreach (var c in type.TypeParameters)
                {
                    arity += c == ',' ? 1 : 0;
                }

                name.Append('`').Append(arity.ToString(CultureInfo.InvariantCulture));
            }
        }

        return name.ToString();
    }

    private static void Append(StringBuilder name, string text)
    {
        foreach (var c in text)
        {
            name.Append(char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_');
        }
    }
}
