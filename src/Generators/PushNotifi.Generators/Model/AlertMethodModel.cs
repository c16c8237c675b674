namespace PushNotifi.Generators.Model;

/// <summary>How the wrapper awaits, or does not await, the implementation.</summary>
internal enum ReturnKind
{
    Void,
    Value,
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

/// <summary>
/// Everything the emitter needs to write one wrapper; equatable, with no Roslyn objects. <see cref="FileScopedNamespace"/>
/// says the consumer's C# (10 or later) allows <c>namespace X;</c>, which saves a level of indentation on every line.
/// </summary>
internal sealed record AlertMethodModel(
    string? Namespace,
    bool FileScopedNamespace,
    ImmutableEquatableArray<ContainingTypeModel> ContainingTypes,
    bool NullableEnabled,
    string Modifiers,
    string ReturnType,
    string? ResultType,
    ReturnKind ReturnKind,
    string Name,
    string TypeParameters,
    ImmutableEquatableArray<string> Constraints,
    ImmutableEquatableArray<ParameterModel> Parameters,
    string ImplementationName,
    bool IsStatic,
    string ContainingTypeReference,
    string? AlerterExpression,
    string MethodDisplayName,
    string? CancellationTokenName,
    AlertTextModel Failure,
    AlertTextModel? Success,
    bool AlertOnCallerCancellation,
    bool UsesElapsed);

/// <summary>A type that encloses the method, outermost first, as its declaration header.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name, string TypeParameters);

/// <summary>A parameter of the wrapped method.</summary>
internal sealed record ParameterModel(
    string Name,
    string Type,
    string RefKind,
    bool IsParams,
    bool IsThis,
    bool IsScoped,
    bool IsRedacted,
    bool IsCancellationToken,
    bool UsedInTemplates,
    bool CanFingerprint);

/// <summary>
/// The rendered texts of one alert (failure or success), its priority, and the wrapper's own suppression window in
/// seconds (null: the global one).
/// </summary>
internal sealed record AlertTextModel(
    ImmutableEquatableArray<TemplatePart> Title,
    ImmutableEquatableArray<TemplatePart> Message,
    ImmutableEquatableArray<TemplatePart> IdempotencyKey,
    int Priority,
    int? SuppressionWindowSeconds);

/// <summary>What a template piece renders.</summary>
internal enum TemplatePartKind
{
    Literal,
    Parameter,
    Builtin,
    ArgumentsFingerprint,
}

/// <summary>
/// One piece of a parsed template. For <see cref="TemplatePartKind.Parameter"/>, <see cref="Text"/> is the
/// C# access expression (null-safe), <see cref="Redacted"/> says the value must never be written.
/// </summary>
internal sealed record TemplatePart(TemplatePartKind Kind, string Text, bool Redacted);
