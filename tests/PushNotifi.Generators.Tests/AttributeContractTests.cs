using System.Reflection;
using PushNotifi.Generators.Parsing;

namespace PushNotifi.Generators.Tests;

/// <summary>The generator's copy of the attribute's names and defaults agrees with the attribute that users see.</summary>
public class AttributeContractTests
{
    [Fact]
    public void Every_argument_name_the_parser_reads_is_a_settable_property_of_the_attribute()
    {
        var names = typeof(AlertAttributeNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && !f.Name.EndsWith("MetadataName", StringComparison.Ordinal) && f.Name is not nameof(AlertAttributeNames.Title) and not nameof(AlertAttributeNames.ClientSendName) and not nameof(AlertAttributeNames.AlertContextSyncSendName) and not nameof(AlertAttributeNames.AlerterSendName))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            var property = typeof(PushNotifiAlertAttribute).GetProperty(name);
            Assert.True(property is { CanWrite: true }, name + " is not a settable property of PushNotifiAlertAttribute");
        }

        var settable = typeof(PushNotifiAlertAttribute).GetProperties().Where(p => p.CanWrite).Select(p => p.Name);
        Assert.Equal(settable.Order(), names.Order());
    }

    [Fact]
    public void The_title_is_the_constructor_parameter_the_parser_names()
    {
        var parameter = Assert.Single(Assert.Single(typeof(PushNotifiAlertAttribute).GetConstructors()).GetParameters());
        Assert.Equal(AlertAttributeNames.Title, parameter.Name);
    }

    [Fact]
    public void Metadata_names_are_those_of_the_runtime_types()
    {
        Assert.Equal(AlertAttributeNames.MetadataName, typeof(PushNotifiAlertAttribute).FullName);
        Assert.Equal(AlertAttributeNames.RedactMetadataName, typeof(RedactAttribute).FullName);
        Assert.Equal(AlertAttributeNames.ClientMetadataName, typeof(IPushNotifiClient).FullName);
        Assert.NotNull(typeof(IPushNotifiClient).GetMethod(AlertAttributeNames.ClientSendName));
        Assert.Equal(AlertAttributeNames.WebhookMetadataName, typeof(IPushNotifiWebhook).FullName);
        Assert.NotNull(typeof(IPushNotifiWebhook).GetMethod(AlertAttributeNames.ClientSendName));
        Assert.Equal(AlertAttributeNames.AlerterMetadataName, typeof(IPushNotifiAlerter).FullName);
        Assert.NotNull(typeof(IPushNotifiAlerter).GetMethod(AlertAttributeNames.AlerterSendName));
        Assert.Equal(AlertAttributeNames.AlertContextMetadataName, typeof(PushNotifiAlertContext).FullName);
        Assert.NotNull(typeof(PushNotifiAlertContext).GetMethod(AlertAttributeNames.ClientSendName));
        Assert.NotNull(typeof(PushNotifiAlertContext).GetMethod(AlertAttributeNames.AlertContextSyncSendName));
    }

    [Fact]
    public void Defaults_match_what_the_attribute_states()
    {
        var attribute = new PushNotifiAlertAttribute("t");
        Assert.Equal(PushNotifiAlertAttribute.DefaultMessage, AlertDefaults.Message);
        Assert.Equal(AlertDefaults.Priority, (int)attribute.Priority);
        Assert.Equal(AlertDefaults.SuccessPriority, (int)attribute.SuccessPriority);
    }
}
