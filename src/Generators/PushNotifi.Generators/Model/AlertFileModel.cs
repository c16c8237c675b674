namespace PushNotifi.Generators.Model;

/// <summary>One generated file: the wrappers of one type in one nullable context, written inside one frame.</summary>
internal sealed record AlertFileModel(
    string HintName,
    string? Namespace,
    bool FileScopedNamespace,
    ImmutableEquatableArray<ContainingTypeModel> ContainingTypes,
    bool NullableEnabled,
    ImmutableEquatableArray<AlertMethodModel> Methods);
