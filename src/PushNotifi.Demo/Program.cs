// Placeholder entry point; replaced by the demo journey.
return 0;
