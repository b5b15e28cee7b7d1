using DominantColors.Colors;
using DominantColors.Lights;
using DominantColors.Palettes;
using DominantColors.Regions;
using DominantColors.Signal;
using DominantColors.Smoothing;

namespace DominantColors.Pipeline;

/// <summary>Applying settings (start, live reload) and the control values (web page, Home Assistant) to the stages.</summary>
internal sealed partial class LightPipeline
{
    private void Configure(PipelineSettings settings)
    {
        var zonesChanged = _trackers.Length == 0 || !settings.Lights.Select(l => l.Zone).SequenceEqual(_settings.Lights.Select(l => l.Zone))
            || settings.Analysis.Colors != _settings.Analysis.Colors;
        _settings = settings;
        _layout = new ZoneLayout(settings.Lights);
        if (zonesChanged)
        {
            var options = new ExtractionOptions { Colors = settings.Analysis.Colors };
            _trackers = [.. _layout.Zones.Select(_ => new PaletteTracker(options))];
            _palettes = [.. _layout.Zones.Select(_ => Palette.Empty)];
            _wholeZone = IndexOfWhole(_layout.Zones);
            _wholeTracker = _wholeZone >= 0 ? null : new PaletteTracker(options);
            _wholeDueAt = long.MinValue;
        }

        var signal = settings.Signal;
        _signalTimeoutTicks = (long)(signal.OffAfterSeconds * _frequency);
        _signal.Update(new SignalMonitorSettings
        {
            BlackTimeout = TimeSpan.FromSeconds(signal.OffAfterSeconds),
            FadeTime = TimeSpan.FromSeconds(signal.FadeSeconds),
            DarknessThreshold = signal.BlackLevel / 255f,
            BlackCoverage = (float)signal.BlackCoverage,
            IdleColor = Rgb24.TryParseHex(signal.IdleColor, out var idle) ? idle : Rgb24.Black,
        });
        _smoother.Update(new SmoothingSettings { Preset = _control.Intensity, DeadBand = (float)settings.Smoothing.DeadBand });
        _delay.Delay = TimeSpan.FromMilliseconds(settings.Smoothing.DelayMs);
        ApplyControl();
    }

    private static int IndexOfWhole(IReadOnlyList<Zone> zones)
    {
        for (var z = 0; z < zones.Count; z++)
        {
            if (zones[z] == Zone.Whole)
            {
                return z;
            }
        }

        return -1;
    }

    /// <summary>Brightness and smoothing intensity from the control settings (web page, Home Assistant).</summary>
    private void ApplyControl()
    {
        _controlVersion = _control.Version;
        var calibration = _settings.Calibration;
        _calibration.Update(new CalibrationSettings
        {
            Brightness = (float)(calibration.Brightness * _control.Brightness),
            MinimumBrightness = (float)Math.Min(calibration.MinBrightness, calibration.Brightness * _control.Brightness),
            Gamma = (float)calibration.Gamma,
            Saturation = (float)calibration.Saturation,
            WhiteTemperature = calibration.WhitePoint == 6500 ? null : calibration.WhitePoint,
            RedGain = (float)calibration.RedGain,
            GreenGain = (float)calibration.GreenGain,
            BlueGain = (float)calibration.BlueGain,
        });
        if (_smoother.Settings.Preset != _control.Intensity)
        {
            _smoother.SetPreset(_control.Intensity);
        }
    }
}
