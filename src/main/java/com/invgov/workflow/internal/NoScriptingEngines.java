package com.invgov.workflow.internal;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptingEngines;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

/**
 * No script engine, whatever the language: script tasks, listeners and conditions cannot run, in BPMN or DMN.
 */
class NoScriptingEngines extends ScriptingEngines {

    NoScriptingEngines() {
        super(new Refusing());
    }

    @Override
    public ScriptEngine getScriptEngineForLanguage(String language) {
        throw refusal(language);
    }

    private static ProcessEngineException refusal(String language) {
        return new ProcessEngineException("Scripts are disabled in invgov (language '" + language + "')");
    }

    private static final class Refusing implements ScriptEngineResolver {

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory factory) {
            // no engine is ever added
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return new ScriptEngineManager(null);
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
            throw refusal(language);
        }
    }
}
