"""backchannel.errors: typed errors whose message names the input."""
from backchannel.errors import BackchannelError, ConfigError, StoreError, UnknownActor, UnreadableInput


def test_unreadable_input_names_the_source_and_the_reason():
    exc = UnreadableInput("articles/a.txt", "empty file")
    assert str(exc) == "articles/a.txt: empty file"
    assert (exc.source, exc.reason) == ("articles/a.txt", "empty file")


def test_every_error_is_a_backchannel_error():
    # the CLI's main() catches BackchannelError once and prints it as one line
    for kind in (UnreadableInput, StoreError, ConfigError, UnknownActor):
        assert issubclass(kind, BackchannelError)


def test_unknown_actor_says_where_to_look():
    exc = UnknownActor("Nobody")
    assert str(exc) == "no actor 'Nobody'; list them with: backchannel actors" and exc.needle == "Nobody"
