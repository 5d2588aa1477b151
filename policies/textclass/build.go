package textclass

// Build trains the model `parley train` ships for a kind: it holds out the
// validation part of the training examples (by id hash), trains on the
// rest, calibrates the temperature and thresholds (the sure thresholds of
// an intent model included) on the held-out part,
// then trains again on all the training examples with the same settings
// and gives that model the calibration. It returns the model and the
// evaluation of the first model on the held-out part.
func Build(kind Kind, train []Example, cfg TrainConfig, digest string) (*Model, []Evaluation) {
	labels := IntentLabels
	if kind == KindContent {
		labels = ContentLabels
	}
	fit, val := SplitValidation(train)
	m0 := Train(kind, labels, fit, cfg)
	m0.Calibrate(val)
	eval := m0.Evaluate(val)
	m := Train(kind, labels, train, cfg)
	copy(m.thresholds, m0.thresholds)
	m.sure = m0.sure
	m.temperature = m0.temperature
	m.digest = digest
	return m, eval
}

// SplitValidation splits training examples into the part models are fitted
// on and the validation part (about a fifth, by id hash) that calibration
// and model comparison use.
func SplitValidation(train []Example) (fit, val []Example) {
	for _, ex := range train {
		if inValidation(ex.ID) {
			val = append(val, ex)
		} else {
			fit = append(fit, ex)
		}
	}
	return fit, val
}
