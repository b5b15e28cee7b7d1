using Microsoft.Extensions.Options;

namespace DominantColors.Options;

[OptionsValidator]
internal sealed partial class CalibrationOptionsValidator : IValidateOptions<CalibrationOptions>;
