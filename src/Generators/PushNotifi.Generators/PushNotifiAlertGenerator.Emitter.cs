using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using PushNotifi.Generators.Model;
using Scriban;
using Scriban.Runtime;

namespace PushNotifi.Generators;

public sealed partial class PushNotifiAlertGenerator
{
    /// <summary>Renders a model through the Scriban templates; templates are parsed once per process.</summary>
    internal static class Emitter
    {
        private static readonly Template s_wrapper = Load("AlertWrapper.sbn-cs");
        private static readonly Template s_block = Load("AlertBlock.sbn-cs");
        private static readonly string s_version = typeof(Emitter).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";
        private static readonly string[] s_priorities = { "Lowest", "Low", "Normal", "High", "Emergency" };

        // Built once: a fresh TemplateContext would otherwise build Scriban's whole builtin library per render.
        private static readonly Scriban.Functions.BuiltinFunctions s_builtins = CreateBuiltins();

        [ThreadStatic]
        private static TemplateContext? t_context;

        public static string Emit(AlertMethodModel model)
        {
            var p = LocalPrefix(model);
            var isAsync = model.ReturnKind is ReturnKind.Task or ReturnKind.TaskOfT or ReturnKind.ValueTask or ReturnKind.ValueTaskOfT;
            var hasResult = model.ReturnKind is ReturnKind.Value or ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT;
            var usesFingerprint = UsesArgumentsFingerprint(model.Failure) || (model.Success is not null && UsesArgumentsFingerprint(model.Success));
            var started = model.UsesElapsed ? p + "started" : "0";
            var cancellationToken = model.CancellationTokenName ?? "default";
            var clientInBody = isAsync ? p + "client" : model.ClientExpression ?? "null";
            var clientType = "global::PushNotifi.IPushNotifiClient" + (model.NullableEnabled ? "?" : string.Empty);

            var root = new ScriptObject
            {
                ["nullable_enabled"] = model.NullableEnabled,
                ["namespace"] = model.Namespace,
                ["namespace_depth"] = model.Namespace is null ? 0 : 1,
                ["method_depth"] = model.ContainingTypes.Count,
                ["version"] = s_version,
                ["signature"] = Signature(model),
                ["constraints"] = model.Constraints.ToArray(),
                ["uses_elapsed"] = model.UsesElapsed,
                ["is_async"] = isAsync,
                ["has_result"] = hasResult,
                ["notify_on_success"] = model.Success is not null,
                ["return_type"] = model.ReturnType,
                ["result_type"] = model.ResultType,
                ["p"] = p,
                ["call"] = Call(model),
                ["from_exception"] = FromException(model, p),
                ["cancellation_token"] = cancellationToken,
                ["alert_on_cancellation"] = model.AlertOnCallerCancellation ? "true" : "false",
                ["failure_block"] = Block(model.Failure, model, p, p + "alert", "Failure", clientInBody, started),
                ["success_block"] = model.Success is null ? string.Empty : Block(model.Success, model, p, p + "success", "Success", clientInBody, started),
            };

            root["containing_types"] = model.ContainingTypes.Select((t, i) => new ScriptObject
            {
                ["indent"] = new string(' ', i * 4),
                ["keyword"] = t.Keyword,
                ["name"] = t.Name,
                ["type_parameters"] = t.TypeParameters,
            }).ToArray();

            if (isAsync)
            {
                var needed = model.Parameters.Where(x => x.UsedInTemplates || ((usesFingerprint || x.IsRedacted) && x.CanFingerprint) || x.Name == model.CancellationTokenName).ToList();
                var slowParameters = new List<string> { model.ReturnType + " " + p + "task", clientType + " " + p + "client" };
                var slowArguments = new List<string> { p + "task", model.ClientExpression ?? "null" };
                if (model.UsesElapsed)
                {
                    slowParameters.Add("long " + p + "started");
                    slowArguments.Add(p + "started");
                }

                slowParameters.AddRange(needed.Select(x => x.Type + " " + x.Name));
                slowArguments.AddRange(needed.Select(x => x.Name));
                root["slow_parameters"] = string.Join(", ", slowParameters);
                root["slow_arguments"] = string.Join(", ", slowArguments);
            }

            return Render(s_wrapper, root);
        }

        private static string Block(AlertTextModel text, AlertMethodModel model, string p, string alert, string factory, string client, string started)
        {
            var block = new ScriptObject
            {
                ["p"] = p,
                ["alert"] = alert,
                ["factory"] = factory,
                ["client"] = client,
                ["is_failure"] = factory == "Failure",
                ["started"] = started,
                ["method_name"] = Literal(model.MethodDisplayName),
                ["concealed"] = model.Parameters.Where(x => x.IsRedacted && x.CanFingerprint).Select(x => x.Name).ToArray(),
                ["title"] = Expression(text.Title, alert, model, isKey: false),
                ["message"] = Expression(text.Message, alert, model, isKey: false),
                ["key"] = Expression(text.IdempotencyKey, alert, model, isKey: true),
                ["priority"] = Priority(text.Priority),
                ["suppression_window"] = text.SuppressionWindowSeconds is { } seconds
                    ? "global::System.TimeSpan.FromSeconds(" + seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")"
                    : null,
            };
            return Render(s_block, block).TrimEnd('\n') + "\n";
        }

        private static string Expression(ImmutableEquatableArray<TemplatePart> parts, string alert, AlertMethodModel model, bool isKey)
        {
            var pieces = new List<string>();
            foreach (var part in parts)
            {
                pieces.Add(part.Kind switch
                {
                    TemplatePartKind.Literal => Literal(part.Text),
                    TemplatePartKind.Builtin => alert + "." + part.Text,
                    TemplatePartKind.Parameter when part.Redacted => isKey ? alert + ".Fingerprint(" + part.Text + ")" : "global::PushNotifi.PushNotifiAlertContext.RedactionMark",
                    TemplatePartKind.Parameter => alert + ".Text(" + part.Text + ")",
                    _ => alert + ".FingerprintArguments(" + string.Join(", ", model.Parameters.Where(x => x.CanFingerprint).Select(x => alert + ".Text(" + x.Name + ")")) + ")",
                });
            }

            return pieces.Count switch
            {
                0 => "string.Empty",
                1 when parts[0].Kind is TemplatePartKind.Literal => pieces[0],
                1 => pieces[0],
                _ => "string.Concat(" + string.Join(", ", pieces) + ")",
            };
        }

        private static bool UsesArgumentsFingerprint(AlertTextModel text) =>
            text.IdempotencyKey.Any(x => x.Kind == TemplatePartKind.ArgumentsFingerprint);

        private static string Signature(AlertMethodModel model)
        {
            var builder = new StringBuilder();
            if (model.Modifiers.Length > 0)
            {
                builder.Append(model.Modifiers).Append(' ');
            }

            builder.Append("partial ").Append(model.ReturnType).Append(' ').Append(model.Name).Append(model.TypeParameters).Append('(');
            builder.Append(string.Join(", ", model.Parameters.Select(x =>
                (x.IsThis ? "this " : string.Empty) + (x.IsScoped ? "scoped " : string.Empty) + x.RefKind + (x.IsParams ? "params " : string.Empty) + x.Type + " " + x.Name)));
            return builder.Append(')').ToString();
        }

        private static string Call(AlertMethodModel model)
        {
            var target = model.IsStatic ? model.ContainingTypeReference : "this";
            var arguments = model.Parameters.Select(x => (x.RefKind == "ref readonly " ? "in " : x.RefKind) + x.Name);
            return target + "." + model.ImplementationName + "(" + string.Join(", ", arguments) + ")";
        }

        private static string? FromException(AlertMethodModel model, string p) => model.ReturnKind switch
        {
            ReturnKind.Task => "global::System.Threading.Tasks.Task.FromException(" + p + "ex)",
            ReturnKind.TaskOfT => "global::System.Threading.Tasks.Task.FromException<" + model.ResultType + ">(" + p + "ex)",
            ReturnKind.ValueTask => "global::System.Threading.Tasks.ValueTask.FromException(" + p + "ex)",
            ReturnKind.ValueTaskOfT => "global::System.Threading.Tasks.ValueTask.FromException<" + model.ResultType + ">(" + p + "ex)",
            _ => null,
        };

        private static string Priority(int value) =>
            value is >= -2 and <= 2
                ? "global::PushNotifi.PushNotifiPriority." + s_priorities[value + 2]
                : "(global::PushNotifi.PushNotifiPriority)(" + value.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";

        private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

        /// <summary>Picks a prefix for generated locals that no parameter name starts with.</summary>
        private static string LocalPrefix(AlertMethodModel model)
        {
            var prefix = "__pn_";
            while (model.Parameters.Any(x => x.Name.TrimStart('@').StartsWith(prefix, StringComparison.Ordinal)))
            {
                prefix = "_" + prefix;
            }

            return prefix;
        }

        private static string Render(Template template, ScriptObject model)
        {
            // One context per thread: building one per render dominated the emitter's allocations.
            var context = t_context ??= new TemplateContext(s_builtins) { StrictVariables = true, MemberRenamer = member => member.Name };
            context.PushGlobal(model);
            context.PushOutput();
            try
            {
                return template.Render(context).Replace("\r\n", "\n");
            }
            finally
            {
                context.PopOutput();
                context.PopGlobal();
            }
        }

        private static Scriban.Functions.BuiltinFunctions CreateBuiltins()
        {
            var builtins = new Scriban.Functions.BuiltinFunctions();
            builtins.Import("indent", new Func<string, int, string>(Indent));
            return builtins;
        }

        private static string Indent(string text, int depth)
        {
            if (depth == 0 || text.Length == 0)
            {
                return text;
            }

            var pad = new string(' ', depth * 4);
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length > 0)
                {
                    lines[i] = pad + lines[i];
                }
            }

            return string.Join("\n", lines);
        }

        private static Template Load(string name)
        {
            using var stream = typeof(Emitter).Assembly.GetManifestResourceStream("PushNotifi.Generators.Templates." + name)
                ?? throw new InvalidOperationException("Missing embedded template " + name);
            using var reader = new StreamReader(stream);
            var template = Template.Parse(reader.ReadToEnd(), name);
            if (template.HasErrors)
            {
                throw new InvalidOperationException("Template " + name + ": " + string.Join("; ", template.Messages));
            }

            return template;
        }
    }
}
