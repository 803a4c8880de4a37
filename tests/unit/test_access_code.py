"""Access codes: easy to read aloud, never stored in clear, slower to guess after mistakes."""

from ikm_tui.domain import access_code


def test_codes_avoid_look_alike_characters_and_read_in_two_groups():
    for _ in range(200):
        code = access_code.generate()
        assert len(code) == 7 and code[3] == "-"
        assert not set(code.replace("-", "")) & set("0O1I")
        assert access_code.looks_like_code(code)


def test_codes_are_random():
    assert len({access_code.generate() for _ in range(100)}) == 100


def test_typing_is_forgiving_about_case_spaces_and_dash():
    hashed = access_code.hash_code("K7M-4QX")
    for typed in ("K7M-4QX", "k7m4qx", " k7m 4qx ", "K7M_4QX"):
        assert access_code.matches(typed, hashed)
    assert not access_code.matches("K7M-4QY", hashed)
    assert not access_code.matches("", hashed)


def test_hash_is_salted_and_hides_the_code():
    first, second = access_code.hash_code("K7M-4QX"), access_code.hash_code("K7M-4QX")
    assert first.salt != second.salt and first.digest != second.digest
    assert b"K7M" not in first.digest and len(first.digest) == 32


def test_wait_grows_after_the_free_tries_and_is_capped():
    waits = [access_code.wait_after(n) for n in range(1, 12)]
    assert waits[:2] == [0, 0]
    assert waits[2:6] == [2, 4, 8, 16]
    assert waits == sorted(waits)
    assert waits[-1] == access_code.MAX_WAIT_S
