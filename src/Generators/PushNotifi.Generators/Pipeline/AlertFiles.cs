using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PushNotifi.Generators.Model;

namespace PushNotifi.Generators.Pipeline;

/// <summary>
/// Groups the wrappers into one file per containing type. Roslyn checks each new hint name against every earlier
/// one of the generator, on every run and for cached outputs too, so a file per method cost time in the square
/// of the number of methods.
/// </summary>
internal static class AlertFiles
{
    public static ImmutableEquatableArray<AlertFileModel> Group(IReadOnlyList<AlertMethodModel> models)
    {
        var order = new List<string>();
        var groups = new Dictionary<string, List<AlertMethodModel>>(StringComparer.Ordinal);
        var disabledTypes = new HashSet<string>(StringComparer.Ordinal);
        var enabledTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            var type = TypeName(model);
            (model.NullableEnabled ? enabledTypes : disabledTypes).Add(type);
            var key = (model.NullableEnabled ? "+" : "-") + type;
            if (!groups.TryGetValue(key, out var methods))
            {
                groups.Add(key, methods = new List<AlertMethodModel>());
                order.Add(key);
            }

            methods.Add(model);
        }

        var files = new List<AlertFileModel>(order.Count);
        foreach (var key in order)
        {
            var methods = groups[key];
            var first = methods[0];
            var type = key.Substring(1);

            // A type whose wrappers sit on both sides of a #nullable directive needs two files; only then the suffix.
            var suffix = !first.NullableEnabled && enabledTypes.Contains(type) ? ".NullableDisabled" : string.Empty;
            files.Add(new AlertFileModel(type + suffix + ".g.cs", first.Namespace, first.FileScopedNamespace, first.ContainingTypes, first.NullableEnabled, methods.ToEquatableArray()));
        }

        return files.ToEquatableArray();
    }

    /// <summary><c>Namespace.Outer+Inner`1</c>: unique per type, with only the characters a hint name allows.</summary>
    private static string TypeName(AlertMethodModel model)
    {
        var name = new StringBuilder(model.Namespace ?? string.Empty);
        for (var i = 0; i < model.ContainingTypes.Count; i++)
        {
            var type = model.ContainingTypes[i];
            if (name.Length > 0)
            {
                name.Append(i == 0 ? '.' : '+');
            }

            name.Append(type.Name.TrimStart('@'));
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
}
