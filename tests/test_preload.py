"""What a LocalCluster's forkserver loads before it forks the workers (newsnorm.run.preload):
the modules converting needs (the language detector's among them), never a pipeline, which
each worker builds from the plugins installed when it starts."""

import subprocess
import sys

_REPORT = """
import sys
import newsnorm.run.preload
from newsnorm.default_plugins import language
from newsnorm.pipeline import default_pipeline, pipeline_with
from newsnorm.plugins import get_plugin_manager
print(int("pycld2" in sys.modules and sys.modules["pycld2"] is not None),
      default_pipeline.cache_info().currsize + pipeline_with.cache_info().currsize,
      get_plugin_manager.cache_info().currsize)
"""


def test_the_preload_loads_the_language_detector_and_builds_no_pipeline():
    shown = subprocess.run([sys.executable, "-c", _REPORT], capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    model, pipelines, plugin_managers = map(int, shown.stdout.split())
    assert (model, pipelines, plugin_managers) == (1, 0, 0)


def test_a_preload_that_fails_is_left_for_the_worker_and_the_forkserver_starts():
    """The forkserver stops on an error in a module it preloads: loading must never raise."""
    without_model = "import sys; sys.modules['pycld2'] = None\n" + _REPORT
    shown = subprocess.run([sys.executable, "-c", without_model], capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split()[0] == "0"  # nothing loaded, nothing raised
