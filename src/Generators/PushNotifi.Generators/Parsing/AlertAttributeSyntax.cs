namespace PushNotifi.Generators.Parsing;

/// <summary>What an attribute's syntax alone says about whether it is <c>[PushNotifiAlert]</c>, before any binding.</summary>
internal static class AlertAttributeSyntax
{
    private const string ShortName = "PushNotifiAlert";
    private const string FullName = ShortName + "Attribute";

    /// <summary>
    /// Whether it is written with our name (<c>PushNotifiAlert</c>, <c>PushNotifiAlertAttribute</c>, qualified or not).
    /// An alias or a look-alike type can still fool it; callers that need certainty bind the attribute.
    /// </summary>
    public static bool HasOurName(AttributeSyntax attribute) => RightmostName(attribute.Name) is ShortName or FullName;

    private static string RightmostName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };
}
