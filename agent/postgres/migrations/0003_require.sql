-- parley_require raises no_data_found (P0002) naming what is missing unless
-- ok: a statement in a pipeline run as one implicit transaction can so undo
-- the whole pipeline when a row it relies on is not there.
CREATE FUNCTION parley_require(ok boolean, what text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT ok THEN
        RAISE EXCEPTION '% not found', what USING ERRCODE = 'no_data_found';
    END IF;
END
$$;
