package com.invgov.workflow.internal;

import com.invgov.workflow.BpmnProblem;
import com.invgov.workflow.BpmnRefused;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads uploaded BPMN text into a tree of {@link Node}s with their line numbers, refusing what an XML parser must
 * not be asked to do for a stranger: a document type declaration (the door to external entities - XXE - and to
 * entity expansion bombs) is refused outright, so no entity is ever resolved, and nesting is bounded (the checks
 * walk the tree recursively).
 */
final class BpmnXml {

    static final int MAX_DEPTH = 200;

    private BpmnXml() {
    }

    /** One attribute; {@code namespace} is "" for an unqualified one. */
    record Attribute(String namespace, String name, String value) {
    }

    /** An element with its attributes, its own text (concatenated) and its children. */
    static final class Node {
        final String namespace;
        final String name;
        final int line;
        final int column;
        final Node parent;
        final List<Attribute> attributes = new ArrayList<>();
        final List<Node> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Node(String namespace, String name, int line, int column, Node parent) {
            this.namespace = namespace == null ? "" : namespace;
            this.name = name;
            this.line = line;
            this.column = column;
            this.parent = parent;
        }

        String attribute(String namespace, String name) {
            for (Attribute a : attributes) {
                if (a.namespace().equals(namespace) && a.name().equals(name)) {
                    return a.value();
                }
            }
            return null;
        }

        String id() {
            return attribute("", "id");
        }

        /** How a problem names this element: its id, else its tag with the id of the nearest ancestor that has one. */
        String label() {
            if (id() != null) {
                return id();
            }
            for (Node p = parent; p != null; p = p.parent) {
                if (p.id() != null) {
                    return name + " in " + p.id();
                }
            }
            return name;
        }

        boolean is(String namespace, String name) {
            return this.namespace.equals(namespace) && this.name.equals(name);
        }
    }

    /** The root element of {@code xml}; {@link BpmnRefused} when it is not well-formed or declares a DTD. */
    static Node read(String xml) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new StringReader(xml));
            String declared = reader.getCharacterEncodingScheme();
            if (declared != null && !declared.equalsIgnoreCase("UTF-8") && !declared.equalsIgnoreCase("UTF8")) {
                throw refused(1, 1, "the XML declaration names encoding '" + declared
                        + "': upload UTF-8 and declare UTF-8 or no encoding");
            }
            Deque<Node> open = new ArrayDeque<>();
            Node root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw refused(reader.getLocation().getLineNumber(),
                            reader.getLocation().getColumnNumber(), "a DOCTYPE declaration is not allowed in BPMN "
                                    + "(entities, external or internal, are never resolved)");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw refused(reader.getLocation().getLineNumber(),
                            reader.getLocation().getColumnNumber(), "entity references are not allowed");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (open.size() >= MAX_DEPTH) {
                            throw refused(reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber(),
                                    "elements are nested deeper than " + MAX_DEPTH + " levels");
                        }
                        Node node = new Node(reader.getNamespaceURI(), reader.getLocalName(),
                                reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber(),
                                open.peek());
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            String ns = reader.getAttributeNamespace(i);
                            node.attributes.add(new Attribute(ns == null ? "" : ns, reader.getAttributeLocalName(i),
                                    reader.getAttributeValue(i)));
                        }
                        if (open.isEmpty()) {
                            root = node;
                        } else {
                            open.peek().children.add(node);
                        }
                        open.push(node);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
                         XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().text.append(reader.getText());
                        }
                    }
                    default -> {
                        // comments and processing instructions carry nothing the engine reads
                    }
                }
            }
            if (root == null) {
                throw refused(1, 1, "the document has no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNumber();
            throw refused(line, column, "not well-formed XML: " + message(e));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing was opened that needs closing (a string reader)
                }
            }
        }
    }

    /** The parser's message without its "ParseError at [row,col]" preamble. */
    private static String message(XMLStreamException e) {
        String text = e.getMessage() == null ? "cannot be read" : e.getMessage();
        int at = text.indexOf("Message: ");
        return (at >= 0 ? text.substring(at + "Message: ".length()) : text).strip();
    }

    private static BpmnRefused refused(int line, int column, String message) {
        return new BpmnRefused(List.of(new BpmnProblem(null, line > 0 ? line : null, column > 0 ? column : null,
                message)));
    }
}
