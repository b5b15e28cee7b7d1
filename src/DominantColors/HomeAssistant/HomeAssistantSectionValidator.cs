using Microsoft.Extensions.Options;

namespace DominantColors.HomeAssistant;

/// <summary>Checks the cross-field rules of <see cref="HomeAssistantSection"/> (broker required when enabled, names, TLS files).</summary>
internal sealed class HomeAssistantSectionValidator : IValidateOptions<HomeAssistantSection>
{
    public ValidateOptionsResult Validate(string? name, HomeAssistantSection options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().Select(e => $"{HomeAssistantSection.SectionName}:{e.Key}: {e.Message}").ToList();
        if (options.ReportInterval is < 1.0 or > 3600.0)
        {
            errors.Add($"{HomeAssistantSection.SectionName}:reportInterval: {options.ReportInterval} is outside 1..3600 seconds");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
