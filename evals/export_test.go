package evals

// Amounts is amounts, for the tests outside the package.
var Amounts = amounts
