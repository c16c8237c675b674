using System.Linq;
using PushNotifi.Generators.Model;

namespace PushNotifi.Generators.Emitting;

/// <summary>
/// Writes the file of one type's wrappers through the Scriban templates. The templates hold the whole shape; they are
/// rendered once per distinct shape (the same branches, loops and counts), with markers for the per-method texts,
/// and every method or frame of that shape is then a concatenation. A Scriban render per method allocated about 120 KB.
/// </summary>
internal static class AlertEmitter
{
    // Shapes vary with a handful of flags and counts; the bound only guards a long-lived IDE process.
    private const int MaxShapes = 512;

    private static readonly string s_version = typeof(AlertEmitter).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";
    private static readonly string[] s_priorities = { "Lowest", "Low", "Normal", "High", "Emergency" };

    // Shapes by the hash of their key; a hit compares the whole key, so a collision only costs a render.
    private static readonly Dictionary<int, List<KeyValuePair<string, RenderedShape>>> s_shapes = new();
    private static int s_shapeCount;

    // Stands for the methods in the frame; EmitFile writes them in its place, so this text is never written.
    private const string MembersSlot = "members";

    [ThreadStatic]
    private static ShapeKeyWriter? t_key;

    [ThreadStatic]
    private static StringBuilder? t_file;

    [ThreadStatic]
    private static SlotValues? t_slots;

    [ThreadStatic]
    private static TemplateNodePool? t_nodes;

    /// <summary>The file of one type's wrappers: the frame (header, namespace, containing types) around each method.</summary>
    public static string EmitFile(AlertFileModel file)
    {
        var (slots, nodes) = Scratch();
        var frame = ShapeOf(DescribeFile(file, MembersSlot, slots, nodes), static file => ScribanRenderer.Render(ScribanRenderer.File, file.Root.ToScriptObject()));

        // The methods are written straight into the file where the frame has its one "members" slot (the last one it
        // took), so no method's text is built twice. The frame's own values are copied: each method reuses the slots.
        var frameValues = slots.Values.ToArray();
        System.Diagnostics.Debug.Assert(frameValues[frameValues.Length - 1] == MembersSlot, "The members slot must be the frame's last.");
        var builder = t_file ??= new StringBuilder();
        builder.Clear();
        frame.FillInto(builder, frameValues, frameValues.Length - 1, file, static (target, file) =>
        {
            for (var i = 0; i < file.Methods.Count; i++)
            {
                target.Append(i == 0 ? string.Empty : "\n\n");
                var (methodSlots, methodNodes) = Scratch();
                ShapeOf(Describe(file.Methods[i], methodSlots, methodNodes), static d => RenderShape(d)).FillInto(target, methodSlots.Values);
            }
        });

        var text = builder.ToString();
        if (builder.Capacity > 256 * 1024)
        {
            t_file = null;
        }

        return text;
    }

    /// <summary>One wrapper, indented for its place in the file; for tests (<see cref="EmitFile"/> writes the methods in place).</summary>
    internal static string Emit(AlertMethodModel model)
    {
        var (slots, nodes) = Scratch();
        return ShapeOf(Describe(model, slots, nodes), static d => RenderShape(d)).Fill(slots.Values);
    }

    /// <summary>One Scriban render of the frame and its methods, bypassing the shapes; tests compare it with <see cref="EmitFile"/>.</summary>
    internal static string EmitFileDirect(AlertFileModel file)
    {
        var members = string.Join("\n\n", file.Methods.Select(EmitDirect));
        return ScribanRenderer.Render(ScribanRenderer.File, DescribeFile(file, members, new SlotValues(passThrough: true), new TemplateNodePool()).Root.ToScriptObject());
    }

    // Per-thread scratch, taken back at the start of each render: nothing here renders inside another render.
    private static (SlotValues Slots, TemplateNodePool Nodes) Scratch()
    {
        var slots = t_slots ??= new SlotValues();
        var nodes = t_nodes ??= new TemplateNodePool();
        slots.Reset();
        nodes.Reset();
        return (slots, nodes);
    }

    /// <summary>The rendered shape of <paramref name="described"/>'s key, rendered now if it is new.</summary>
    private static RenderedShape ShapeOf<T>(T described, Func<T, string> render)
        where T : IShapeRoot
    {
        var key = t_key ??= new ShapeKeyWriter();
        key.Clear();
        described.Root.WriteKey(key);
        var hash = key.Hash();

        var shape = Find(key, hash);
        if (shape is null)
        {
            // Rendered outside the lock: two threads may render one new shape, and both results are the same.
            shape = RenderedShape.Parse(render(described));
            Keep(key.ToString(), hash, shape);
        }

        return shape;
    }

    private static RenderedShape? Find(ShapeKeyWriter key, int hash)
    {
        lock (s_shapes)
        {
            if (s_shapes.TryGetValue(hash, out var entries))
            {
                foreach (var entry in entries)
                {
                    if (key.Matches(entry.Key))
                    {
                        return entry.Value;
                    }
                }
            }

            return null;
        }
    }

    private static void Keep(string key, int hash, RenderedShape shape)
    {
        lock (s_shapes)
        {
            if (s_shapeCount >= MaxShapes)
            {
                s_shapes.Clear();
                s_shapeCount = 0;
            }

            if (!s_shapes.TryGetValue(hash, out var entries))
            {
                entries = new List<KeyValuePair<string, RenderedShape>>(1);
                s_shapes.Add(hash, entries);
            }
            else if (entries.Exists(entry => string.Equals(entry.Key, key, StringComparison.Ordinal)))
            {
                return; // another thread kept the same shape first
            }

            entries.Add(new KeyValuePair<string, RenderedShape>(key, shape));
            s_shapeCount++;
        }
    }

    /// <summary>One Scriban render with the method's own texts, bypassing the shapes; tests compare it with <see cref="Emit"/>.</summary>
    internal static string EmitDirect(AlertMethodModel model) => RenderShape(Describe(model, new SlotValues(passThrough: true), new TemplateNodePool()));

    /// <summary>The key of the rendered shape that <paramref name="model"/> is written from; for tests.</summary>
    internal static string ShapeKey(AlertMethodModel model)
    {
        var key = new ShapeKeyWriter();
        Describe(model, new SlotValues(), new TemplateNodePool()).Root.WriteKey(key);
        return key.ToString();
    }

    private static string RenderShape(Described described)
    {
        var wrapper = described.Root.ToScriptObject();
        wrapper["failure_block"] = RenderBlock(described.Failure);
        wrapper["success_block"] = described.Success is null ? string.Empty : RenderBlock(described.Success);
        return ScribanRenderer.Render(ScribanRenderer.Wrapper, wrapper);
    }

    private static string RenderBlock(TemplateNode block) =>
        ScribanRenderer.Render(ScribanRenderer.Block, block.ToScriptObject()).TrimEnd('\n') + "\n";

    /// <summary>What the templates see for <paramref name="model"/>, with every per-method text in a slot.</summary>
    private static Described Describe(AlertMethodModel model, SlotValues slots, TemplateNodePool nodes)
    {
        var p = LocalPrefix(model);
        var isAsync = model.ReturnKind is ReturnKind.Task or ReturnKind.TaskOfT or ReturnKind.ValueTask or ReturnKind.ValueTaskOfT;
        var hasResult = model.ReturnKind is ReturnKind.Value or ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT;
        var usesFingerprint = UsesArgumentsFingerprint(model.Failure) || (model.Success is not null && UsesArgumentsFingerprint(model.Success));
        var started = model.UsesElapsed ? p + "started" : "0";
        var cancellationToken = model.CancellationTokenName ?? "default";
        var alerterInBody = isAsync ? p + "alerter" : model.AlerterExpression ?? "null";
        var failure = Block(model.Failure, model, p, p + "alert", "FailureAlert", alerterInBody, started, slots, nodes);
        var success = model.Success is null ? null : Block(model.Success, model, p, p + "success", "SuccessAlert", alerterInBody, started, slots, nodes);
        var root = nodes.Rent()
            .Set("nullable_enabled", model.NullableEnabled)
            .Set("depth", (model.Namespace is null || model.FileScopedNamespace ? 0 : 1) + model.ContainingTypes.Count)
            .Set("version", s_version)
            .Set("modifiers", slots.Slot(model.Modifiers))
            .Set("name", slots.Slot(model.Name))
            .Set("type_parameters", slots.Slot(model.TypeParameters))
            .Set("parameters", Parameters(model, isAsync, usesFingerprint, slots, nodes))
            .Set("constraints", slots.SlotAll(model.Constraints))
            .Set("uses_elapsed", model.UsesElapsed)
            .Set("is_async", isAsync)
            .Set("has_result", hasResult)
            .Set("notify_on_success", model.Success is not null)
            .Set("return_type", slots.Slot(model.ReturnType))
            .Set("result_type", slots.Slot(model.ResultType))
            .Set("p", slots.Slot(p))
            .Set("call_target", slots.Slot(model.IsStatic ? model.ContainingTypeReference : "this"))
            .Set("implementation_name", slots.Slot(model.ImplementationName))
            .Set("alerter_expression", slots.Slot(model.AlerterExpression ?? "null"))
            .Set("from_exception", slots.Slot(FromException(model, p)))
            .Set("cancellation_token", slots.Slot(cancellationToken))
            .Set("alert_on_cancellation", model.AlertOnCallerCancellation ? "true" : "false")
            .Set("failure", failure)
            .Set("success", success);

        return new Described(root, failure, success);
    }

    /// <summary>
    /// The wrapper's data and its alert blocks, which the block template renders apart. The blocks are also members
    /// of the root, so that they are part of the shape key.
    /// </summary>
    private readonly record struct Described(TemplateNode Root, TemplateNode Failure, TemplateNode? Success) : IShapeRoot;

    /// <summary>What a shape is keyed by: the data one template render sees.</summary>
    private interface IShapeRoot
    {
        TemplateNode Root { get; }
    }

    /// <summary>A file's frame; its key starts with the template's name, so it never matches a method's.</summary>
    private readonly record struct DescribedFile(TemplateNode Root) : IShapeRoot;

    /// <param name="members">The methods' text (a direct render), or <see cref="MembersSlot"/> to leave a slot for them.</param>
    private static DescribedFile DescribeFile(AlertFileModel file, string members, SlotValues slots, TemplateNodePool nodes)
    {
        var depth = file.Namespace is null || file.FileScopedNamespace ? 0 : 1;
        var containingTypes = new TemplateNode[file.ContainingTypes.Count];
        for (var i = 0; i < containingTypes.Length; i++)
        {
            var type = file.ContainingTypes[i];
            containingTypes[i] = nodes.Rent()
                .Set("indent", new string(' ', (depth + i) * 4))
                .Set("keyword", type.Keyword)
                .Set("name", slots.Slot(type.Name))
                .Set("type_parameters", slots.Slot(type.TypeParameters));
        }

        return new DescribedFile(nodes.Rent()
            .Set("template", "file")
            .Set("nullable_enabled", file.NullableEnabled)
            .Set("namespace", slots.Slot(file.Namespace))
            .Set("file_scoped_namespace", file.FileScopedNamespace)
            .Set("containing_types", containingTypes)
            .Set("members", slots.Slot(members)));
    }

    private static TemplateNode[] Parameters(AlertMethodModel model, bool isAsync, bool usesFingerprint, SlotValues slots, TemplateNodePool nodes)
    {
        var parameters = new TemplateNode[model.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            var x = model.Parameters[i];

            // The async path hands on only what its alert texts read, so unused arguments are not kept alive.
            var awaited = isAsync && (x.UsedInTemplates || ((usesFingerprint || x.IsRedacted) && x.CanFingerprint) || x.Name == model.CancellationTokenName);
            parameters[i] = nodes.Rent()
                .Set("name", slots.Slot(x.Name))
                .Set("type", slots.Slot(x.Type))
                .Set("ref_kind", x.RefKind)
                .Set("call_ref_kind", x.RefKind == "ref readonly " ? "in " : x.RefKind)
                .Set("is_params", x.IsParams)
                .Set("is_this", x.IsThis)
                .Set("is_scoped", x.IsScoped)
                .Set("awaited", awaited);
        }

        return parameters;
    }

    private static TemplateNode Block(AlertTextModel text, AlertMethodModel model, string p, string alert, string factory, string alerter, string started, SlotValues slots, TemplateNodePool nodes) =>
        nodes.Rent()
            .Set("p", slots.Slot(p))
            .Set("alert", slots.Slot(alert))
            .Set("factory", factory)
            .Set("alerter", slots.Slot(alerter))
            .Set("is_failure", factory == "FailureAlert")
            .Set("started", slots.Slot(started))
            .Set("method_name", slots.Slot(Literal(model.MethodDisplayName)))
            .Set("concealed", slots.SlotAll(model.Parameters.Where(x => x.IsRedacted && x.CanFingerprint).Select(x => x.Name)))
            .Set("fingerprinted", slots.SlotAll(model.Parameters.Where(x => x.CanFingerprint).Select(x => x.Name)))
            .Set("title", Parts(text.Title, slots, nodes))
            .Set("message", Parts(text.Message, slots, nodes))
            .Set("key", Parts(text.IdempotencyKey, slots, nodes))
            .Set("priority", slots.Slot(Priority(text.Priority)))
            .Set("suppression_window", slots.Slot(text.SuppressionWindowSeconds is { } seconds
                ? "global::System.TimeSpan.FromSeconds(" + seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")"
                : null));

    /// <summary>The pieces of one alert text; the block template joins them into a C# expression.</summary>
    private static TemplateNode[] Parts(ImmutableEquatableArray<TemplatePart> parts, SlotValues slots, TemplateNodePool nodes)
    {
        var result = new TemplateNode[parts.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var part = parts[i];
            result[i] = nodes.Rent()
                .Set("kind", part.Kind switch
                {
                    TemplatePartKind.Literal => "literal",
                    TemplatePartKind.Builtin => "builtin",
                    TemplatePartKind.Parameter when part.Redacted => "redacted",
                    TemplatePartKind.Parameter => "parameter",
                    _ => "arguments",
                })
                .Set("text", slots.Slot(part.Kind == TemplatePartKind.Literal ? Literal(part.Text) : part.Text));
        }

        return result;
    }

    private static bool UsesArgumentsFingerprint(AlertTextModel text) =>
        text.IdempotencyKey.Any(x => x.Kind == TemplatePartKind.ArgumentsFingerprint);

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
}
